"""Writes processes/sdu-reissuance-recipient.bpmn and processes/sdu-reissuance-run.bpmn (run from the repo root)."""
from bpmn_gen import Diagram, SIZES

RETRY = '<camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle>'
ASYNC = ' camunda:asyncBefore="true"'


def at(d, nid, tag, name, doc, cx, cy, **kw):
    kind = kw.pop("kind", None) or ("event" if "Event" in tag else "gateway" if "Gateway" in tag else "task")
    w, h = SIZES[kind]
    return d.node(nid, tag, name, doc, cx - w / 2, cy - h / 2, kind=kind, **kw)


def outcome(o):
    return '<camunda:executionListener expression="${sduLedger.finish(execution, \'%s\')}" event="start" />' % o


def service(d, nid, name, doc, bean, cx, cy, async_=True, io=""):
    at(d, nid, "serviceTask", name, doc, cx, cy,
       attrs=(ASYNC if async_ else "") + ' camunda:delegateExpression="${%s}"' % bean,
       ext=(RETRY if async_ else "") + io)


# ------------------------------------------------------------------------------------------------ recipient
r = Diagram("sdu-reissuance-recipient", "SDU: қайта рәсімдеу - көрсетілетін қызметті алушы",
            "One recipient and permit of an SDU run, 004 App.2 items 6-15 (and items 17, 18). Started by "
            "sdu-reissuance-run with business key <runId>:<recipientIin>:<permitId>. Reply waits are 3 CALENDAR "
            "days (P3D): the source says days, not working days. Every outside call is an asynchronous "
            "continuation with a retry cycle, so a failing registry is retried and then becomes an incident.",
            "1.0.0")
r.messages = [("Message_SmsReply", "SmsReply"), ("Message_ConsentRevoked", "ConsentRevoked")]
r.errors = [("Error_Excluded", "Recipient excluded by an item 6 criterion", "SDU_EXCLUDED")]
Y, LOW, HIGH = 200, 360, 80
at(r, "StartEvent_RecipientOffered", "startEvent", "Алушы тізімге енді",
   "004 App.2 item 5: a recipient (first head of a renamed organisation, or a renamed individual) holding a "
   "permit of the 4 services, started by the run.", 150, Y)
crit = [("MissingOrDead", "6.1 Хабар-ошарсыз / қайтыс болған жоқ па?", "sduCheckMissingOrDead",
         "004 App.2 item 6.1: not declared missing (ЖТ МДҚ) and not declared dead (АХАЖ death record).",
         "EXCLUDED_MISSING_OR_DEAD"),
        ("Abroad", "6.2 Шетелде тұрақты тұрмай ма?", "sduCheckAbroad",
         "004 App.2 item 6.2: not permanently residing in another country (ЖТ МДҚ).", "EXCLUDED_ABROAD"),
        ("Incapable", "6.3 Әрекетке қабілетті ме?", "sduCheckIncapable",
         "004 App.2 item 6.3: not declared legally incapable by a court (ЖТ МДҚ).", "EXCLUDED_INCAPABLE"),
        ("Imprisoned", "6.4 Бас бостандығынан айырылмаған ба?", "sduCheckImprisoned",
         "004 App.2 item 6.4: not held in a place of deprivation of liberty (ЖТ МДҚ).", "EXCLUDED_IMPRISONED")]
prev = "StartEvent_RecipientOffered"
x = 270
for key, name, bean, doc, out in crit:
    tid = "Task_Check" + key
    service(r, tid, name, doc + " Records the registry's answer and time (items 8, 17); a failed criterion "
            "throws SDU_EXCLUDED with its reason kept in the ledger.", bean, x, Y)
    r.boundary("Event_Excluded" + key, tid, "Шығарылды", "004 App.2 item 6: the recipient fails criterion "
               + doc[15:18] + " and leaves the list.", 62, '<bpmn:errorEventDefinition errorRef="Error_Excluded" />')
    at(r, "End_Excluded" + key, "endEvent", "Тізімнен шығарылды (%s)" % doc[15:18],
       "004 App.2 item 6: excluded, ledger outcome %s with the reason." % out, x + 80, LOW, ext=outcome(out))
    r.flow("Flow_To" + tid, prev, tid)
    r.flow("Flow_Excluded" + key, "Event_Excluded" + key, "End_Excluded" + key)
    prev = tid
    x += 150
service(r, "Task_HandToPortal", "ЭҮП-ке беру", "004 App.2 item 7: SDU hands the recipient to the eGov portal; "
        "the ledger records the hand-over and its time (item 8).", "sduHandToPortal", x, Y, async_=False)
r.flow("Flow_ToHandToPortal", prev, "Task_HandToPortal")
x += 150
service(r, "Task_CheckMobileBase", "МАБ-та нөмірді тексеру", "004 App.2 item 9: the portal checks the mobile "
        "citizens base for the recipient's registered number (normalised +7XXXXXXXXXX).", "sduCheckMobileBase", x, Y)
r.flow("Flow_ToCheckMobileBase", "Task_HandToPortal", "Task_CheckMobileBase")
x += 130
at(r, "Gateway_HasPhone", "exclusiveGateway", "Нөмір бар ма?", "004 App.2 items 9, 10: a registered number?", x, Y)
r.flow("Flow_ToHasPhone", "Task_CheckMobileBase", "Gateway_HasPhone")
at(r, "End_NoPhone", "endEvent", "Нөмір жоқ", "004 App.2 item 10: no number in МАБ, the process ends; the "
   "recipient may re-issue under the Rules (ҚР ДСМ-336/2020, ҚР ДСМ-274/2020). Outcome NO_PHONE.", x, LOW,
   ext=outcome("NO_PHONE"))
r.flow("Flow_NoPhone", "Gateway_HasPhone", "End_NoPhone", name="жоқ", cond="${!hasPhone}",
       doc="004 App.2 item 10")
x += 110
io1 = '<camunda:inputOutput><camunda:inputParameter name="smsAttempt">${1}</camunda:inputParameter></camunda:inputOutput>'
service(r, "Task_SendSms", "SMS жіберу", "004 App.2 item 11: the SMS of the Appendix (Kazakh original and "
        "Russian version in one message), gateway key <businessKey>#1.", "sduSendOfferSms", x, Y, io=io1)
r.flow("Flow_HasPhone", "Gateway_HasPhone", "Task_SendSms", name="бар", cond="${hasPhone}", doc="004 App.2 item 11")
x += 150
at(r, "Task_AwaitReply", "receiveTask", "Жауапты күту", "004 App.2 items 12-15: waits for the reply 1 or 2 "
   "(message SmsReply, correlated by business key by POST /api/sms/inbound).", x, Y,
   attrs=' messageRef="Message_SmsReply"')
r.flow("Flow_ToAwaitReply", "Task_SendSms", "Task_AwaitReply")
r.boundary("Event_ReplyTimeout", "Task_AwaitReply", "3 күн", "004 App.2 item 13: no reply within 3 CALENDAR days "
           "(P3D; the source says days, not working days).", 62,
           '<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P3D</bpmn:timeDuration></bpmn:timerEventDefinition>')
io2 = '<camunda:inputOutput><camunda:inputParameter name="smsAttempt">${2}</camunda:inputParameter></camunda:inputOutput>'
service(r, "Task_ResendSms", "SMS қайта жіберу", "004 App.2 item 13: the SMS is sent again (the source's "
        "'under item 4' is a drafting slip: the resend is meant), gateway key <businessKey>#2.", "sduSendOfferSms",
        x + 80, LOW, io=io2)
r.flow("Flow_NoReplyInTime", "Event_ReplyTimeout", "Task_ResendSms", doc="004 App.2 item 13")
at(r, "Task_AwaitReplyAfterResend", "receiveTask", "Қайта жіберуден кейін жауапты күту",
   "004 App.2 item 14: waits again for 1 or 2 after the resend.", x + 230, LOW, attrs=' messageRef="Message_SmsReply"')
r.flow("Flow_ToAwaitReplyAfterResend", "Task_ResendSms", "Task_AwaitReplyAfterResend")
r.boundary("Event_SecondReplyTimeout", "Task_AwaitReplyAfterResend", "3 күн", "004 App.2 item 14: no reply within "
           "3 more CALENDAR days (P3D) after the resend (the source cites 'item 6': a drafting slip).", 62,
           '<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P3D</bpmn:timeDuration></bpmn:timerEventDefinition>')
at(r, "End_NoReply", "endEvent", "Жауап болмады", "004 App.2 item 14: no reply after the resend, the process "
   "ends. Outcome NO_REPLY.", x + 310, 500, ext=outcome("NO_REPLY"))
r.flow("Flow_NoReplyAfterResend", "Event_SecondReplyTimeout", "End_NoReply", doc="004 App.2 item 14")
x += 230
at(r, "Gateway_ReplyKind", "exclusiveGateway", "Жауап қандай?", "004 App.2 items 12, 15: 1 agrees, 2 refuses "
   "(the inbound endpoint lets nothing else through).", x + 80, Y)
r.flow("Flow_ReplyReceived", "Task_AwaitReply", "Gateway_ReplyKind")
r.flow("Flow_ReplyAfterResend", "Task_AwaitReplyAfterResend", "Gateway_ReplyKind")
at(r, "End_Refused", "endEvent", "Бас тартты", "004 App.2 item 15: reply 2, the process ends; the recipient may "
   "still re-issue under the Rules. Outcome REFUSED.", x + 80, HIGH, ext=outcome("REFUSED"))
r.flow("Flow_Refused", "Gateway_ReplyKind", "End_Refused", name="2", cond="${replyDigit == '2'}", doc="004 App.2 item 15")
x += 200
consent_io = ('<camunda:in businessKey="#{execution.processBusinessKey}" />'
              '<camunda:in source="recipientIin" target="subjectIin" />'
              '<camunda:in sourceExpression="${sduSettings.operatorBin}" target="operatorBin" />'
              '<camunda:in sourceExpression="SDU proactive re-issuance of a sanitary-epidemiological permit" target="purpose" />'
              '<camunda:in sourceExpression="NAME,CONTACTS,IDENTITY_NUMBERS" target="dataCategories" />'
              '<camunda:in sourceExpression="OPERATOR" target="requesterKind" />'
              '<camunda:in sourceExpression="SMS" target="channel" />'
              '<camunda:out source="consentOutcome" target="consentOutcome" />'
              '<camunda:out source="consentRecordId" target="consentRecordId" />')
at(r, "CallActivity_ConfirmConsent", "callActivity", "Дербес деректерге келісімді растау",
   "004 App.2 item 18 and joint order item 4.2: the recipient's consent to collecting and processing personal "
   "data, through the consent process (ДҚБ service). Answers consentOutcome GRANTED, REFUSED, EXPIRED or "
   "WITHOUT_CONSENT.", x, Y, kind="task",
   attrs=' calledElement="personal-data-consent" camunda:calledElementBinding="latest"' + ASYNC,
   ext=consent_io + RETRY)
r.flow("Flow_Agreed", "Gateway_ReplyKind", "CallActivity_ConfirmConsent", name="1", cond="${replyDigit == '1'}",
       doc="004 App.2 item 12")
x += 150
at(r, "Gateway_ConsentOutcome", "exclusiveGateway", "Келісім бар ма?", "004 App.2 item 18: re-issue only with "
   "consent or a lawful ground without it (Law on personal data art. 9).", x, Y,
   attrs=' default="Flow_ConsentNotGiven"')
r.flow("Flow_ToConsentOutcome", "CallActivity_ConfirmConsent", "Gateway_ConsentOutcome")
at(r, "End_ConsentRefused", "endEvent", "Келісім жоқ", "004 App.2 item 18: no consent (refused or expired); the "
   "data are not processed further. Outcome CONSENT_REFUSED.", x, HIGH, ext=outcome("CONSENT_REFUSED"))
r.flow("Flow_ConsentNotGiven", "Gateway_ConsentOutcome", "End_ConsentRefused", name="жоқ", doc="004 App.2 item 18")
x += 130
service(r, "Task_ReissuePermit", "Жаңартылған рұқсат құжатын қалыптастыру", "004 App.2 item 12: e-license forms "
        "the updated permit document: new holder name, link to the document it replaces, same scope and validity.",
        "sduReissuePermit", x, Y)
r.flow("Flow_ConsentGiven", "Gateway_ConsentOutcome", "Task_ReissuePermit", name="бар",
       cond="${consentOutcome == 'GRANTED' || consentOutcome == 'WITHOUT_CONSENT'}", doc="004 App.2 items 12, 18")
x += 150
service(r, "Task_WriteToSdu", "SDU-ға жазу", "004 App.2 item 12: the recipient's updated data are written to SDU.",
        "sduWriteToSdu", x, Y)
r.flow("Flow_ToWriteToSdu", "Task_ReissuePermit", "Task_WriteToSdu")
x += 150
service(r, "Task_DeliverToCabinet", "Жеке кабинетке жолдау", "004 App.2 item 12: the document is sent to the "
        "recipient's personal cabinet in e-license within the term of the Rules.", "sduDeliverToCabinet", x, Y)
r.flow("Flow_ToDeliverToCabinet", "Task_WriteToSdu", "Task_DeliverToCabinet")
x += 130
at(r, "End_Reissued", "endEvent", "Қайта рәсімделді", "004 App.2 item 12: re-issued and delivered. Outcome REISSUED.",
   x, Y, ext=outcome("REISSUED"))
r.flow("Flow_ToReissued", "Task_DeliverToCabinet", "End_Reissued")
# event sub-process: consent revoked
at(r, "StartEvent_ConsentRevoked", "startEvent", "Келісім кері қайтарылды", "Law on personal data art. 8; 004 "
   "App.2 item 18: the subject revoked the consent (message ConsentRevoked, correlated by consentSubjectIin); "
   "the recipient's data are no longer used.", 310, 690, inner='<bpmn:messageEventDefinition messageRef="Message_ConsentRevoked" />',
   attrs=' isInterrupting="true"')
at(r, "End_ConsentRevoked", "endEvent", "Өңдеу тоқтатылды", "Law on personal data art. 8: processing stops. "
   "Outcome CONSENT_REVOKED.", 500, 690, ext=outcome("CONSENT_REVOKED"))
r.flow("Flow_ToConsentRevoked", "StartEvent_ConsentRevoked", "End_ConsentRevoked")
r.subs.append(dict(id="SubProcess_ConsentRevoked", name="Келісімді кері қайтару",
                   doc="Law on personal data art. 8, 004 App.2 item 18: revocation stops a recipient wherever it is.",
                   members={"StartEvent_ConsentRevoked", "End_ConsentRevoked"}, bounds=(250, 620, 330, 140)))
# the loop-free layout needs explicit points for the reply after the resend
cx, cy = r.center("Gateway_ReplyKind")
tx, ty, tw, th = r.pos["Task_AwaitReplyAfterResend"]
r.flows[[f["id"] for f in r.flows].index("Flow_ReplyAfterResend")]["points"] = [(tx + tw, ty + th / 2), (cx, ty + th / 2), (cx, cy + 25)]
open("processes/sdu-reissuance-recipient.bpmn", "w").write(r.xml())

# ------------------------------------------------------------------------------------------------ run
d = Diagram("sdu-reissuance-run", "SDU: қайта рәсімдеу - іске қосу",
            "One run of the SDU algorithm, 004 App.2 items 3-5 and 7: collects the name changes since the previous "
            "run's watermark, keeps permit holders, segments first heads, and starts one sdu-reissuance-recipient "
            "instance per recipient and permit, in batches (no multi-instance: a run must handle 100,000 "
            "recipients). Joint order item 8: nothing happens after the pilot's end.", "1.0.0",
            extra_attrs=' camunda:candidateStarterGroups="sanepid-specialists"')
at(d, "StartEvent_RunRequested", "startEvent", "Маман іске қосты", "004 App.2 items 3, 16 (continuous interaction): "
   "a run is started by sdu-reissuance-schedule (daily), or on demand by a sanitary-epidemiological specialist "
   "(POST /api/sdu/runs or this Tasklist start form).", 150, Y,
   attrs=' camunda:initiator="startedBy" camunda:formRef="sdu-run-start" camunda:formRefBinding="deployment"')
service(d, "Task_OpenRun", "Іске қосуды ашу", "004 App.2 item 3: opens the run in the run ledger (id, who started "
        "it, requested window).", "sduOpenRun", 280, Y, async_=False)
d.flow("Flow_RequestedToOpen", "StartEvent_RunRequested", "Task_OpenRun")
service(d, "Task_CheckPilotPeriod", "Пилот мерзімін тексеру", "Joint order item 8: in force 12 months from "
        "signature; after sanepid.sdu.pilot-ends-on the run records why and ends.", "sduCheckPilotPeriod", 430, Y,
        async_=False)
d.flow("Flow_ToCheckPilotPeriod", "Task_OpenRun", "Task_CheckPilotPeriod")
at(d, "Gateway_PilotActive", "exclusiveGateway", "Пилот жүріп жатыр ма?", "Joint order item 8.", 560, Y)
d.flow("Flow_ToPilotActive", "Task_CheckPilotPeriod", "Gateway_PilotActive")
at(d, "End_PilotEnded", "endEvent", "Пилот аяқталды", "Joint order item 8: the pilot is over; the run ledger says "
   "why; nothing was collected.", 560, HIGH)
d.flow("Flow_PilotEnded", "Gateway_PilotActive", "End_PilotEnded", name="аяқталды", cond="${!pilotActive}",
       doc="Joint order item 8")
service(d, "Task_CollectCandidates", "Атауы өзгергендерді жинау", "004 App.2 items 3-5: name changes since the "
        "watermark (organisations from ЗТ МДҚ, individuals from АХАЖ with a service-1 certificate), kept when they "
        "hold a permit of the 4 services in e-license (item 4), first heads segmented through ЗТ МДҚ (item 5); "
        "written to the ledger with the window in one transaction; offers made before are skipped.",
        "sduCollectCandidates", 690, Y)
d.flow("Flow_PilotActive", "Gateway_PilotActive", "Task_CollectCandidates", name="иә", cond="${pilotActive}",
       doc="Joint order item 8")
service(d, "Task_StartRecipientBatch", "Алушыларды іске қосу (топтамамен)", "004 App.2 items 6-7: starts one "
        "sdu-reissuance-recipient instance per candidate, sanepid.sdu.batch-size per job; a candidate is marked "
        "started in the transaction that starts its instance.", "sduStartRecipientBatch", 840, Y)
d.flow("Flow_ToStartRecipientBatch", "Task_CollectCandidates", "Task_StartRecipientBatch")
at(d, "Gateway_MoreCandidates", "exclusiveGateway", "Тағы бар ма?", "004 App.2 item 7: candidates left to start?",
   970, Y)
d.flow("Flow_ToMoreCandidates", "Task_StartRecipientBatch", "Gateway_MoreCandidates")
d.flow("Flow_NextBatch", "Gateway_MoreCandidates", "Task_StartRecipientBatch", name="иә",
       cond="${candidatesLeft > 0}", doc="004 App.2 item 7: the next batch, in its own job",
       points=[(970, 175), (970, 110), (840, 110), (840, 160)])
service(d, "Task_CloseRun", "Іске қосуды жабу", "004 App.2 item 7: every recipient of the run has its instance.",
        "sduCloseRun", 1100, Y, async_=False)
d.flow("Flow_AllStarted", "Gateway_MoreCandidates", "Task_CloseRun", name="жоқ", cond="${candidatesLeft == 0}",
       doc="004 App.2 item 7")
at(d, "End_RecipientsStarted", "endEvent", "Алушылар іске қосылды", "004 App.2 item 7: the run is done; each "
   "recipient goes on in its own instance.", 1230, Y)
d.flow("Flow_ToRecipientsStarted", "Task_CloseRun", "End_RecipientsStarted")
open("processes/sdu-reissuance-run.bpmn", "w").write(d.xml())

# ------------------------------------------------------------------------------------------------ schedule
# Camunda 7 allows one none start event OR timer start events in a process, not both: the daily timer lives in its
# own small process that starts a run, so the run keeps its none start event for the Tasklist form and the API.
sc = Diagram("sdu-reissuance-schedule", "SDU: қайта рәсімдеу - кесте",
             "004 App.2 items 3, 16: interaction runs continuously; a run of sdu-reissuance-run starts on the configured "
             "schedule (sanepid.sdu.schedule-cycle, daily at 02:00 by default). The timer cycle expression is "
             "evaluated when the process is deployed: change the configuration, restart, and the new cycle applies.",
             "1.0.0")
at(sc, "StartEvent_DailySchedule", "startEvent", "Күн сайын", "004 App.2 items 3, 16: the configured schedule "
   "(${sduSettings.scheduleCycle}, a Quartz cron or an ISO 8601 cycle).", 150, Y,
   inner='<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${sduSettings.scheduleCycle}</bpmn:timeCycle></bpmn:timerEventDefinition>')
service(sc, "Task_StartRun", "Іске қосуды бастау", "004 App.2 item 3: starts one sdu-reissuance-run instance "
        "(started by \"schedule\"); the run takes the changes since the previous run's watermark.",
        "sduStartScheduledRun", 280, Y)
at(sc, "End_RunStarted", "endEvent", "Іске қосылды", "004 App.2 item 3: the run goes on in its own instance.", 420, Y)
sc.flow("Flow_ToStartRun", "StartEvent_DailySchedule", "Task_StartRun")
sc.flow("Flow_ToRunStarted", "Task_StartRun", "End_RunStarted")
open("processes/sdu-reissuance-schedule.bpmn", "w").write(sc.xml())
