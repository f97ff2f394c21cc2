/*
 * The managers' view in Cockpit (issue 17): a dashboard entry (cockpit.dashboard), a page of its own at #/managers
 * (cockpit.route) and its navigation link (cockpit.navigation). Plain JavaScript, no resource from outside the
 * application. Every number comes from GET /api/manager/** (ManagerReportsController), read with the Cockpit
 * session (the browser's cookie; no password is handled here); every table can be downloaded as CSV from the same
 * endpoint (?format=csv&table=...). Labels in Kazakh and Russian, chosen as Cockpit chooses its locale (the
 * browser's first language); another language gets both.
 */

const LANG = (() => {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages[0]) || nav.language || 'kk';
  const code = String(first).toLowerCase().split('-')[0];
  return code === 'ru' || code === 'kk' ? code : 'both';
})();

const L = {
  title: ['Басшыға шолу', 'Обзор для руководителя'],
  dashboardHint: ['Соңғы 31 күн: SDU, шағымдар, келісімдер, инциденттер', 'За последние 31 день: SDU, жалобы, согласия, инциденты'],
  open: ['Ашу', 'Открыть'],
  tabSdu: ['SDU іске қосулары', 'Запуски SDU'],
  tabComplaints: ['Шағым мерзімдері', 'Сроки жалоб'],
  tabConsent: ['Келісім және құпия', 'Согласие и тайна'],
  tabIncidents: ['Инциденттер', 'Инциденты'],
  from: ['Бастап', 'С'],
  to: ['Дейін', 'По'],
  show: ['Көрсету', 'Показать'],
  csv: ['CSV жүктеу', 'Скачать CSV'],
  loading: ['Жүктелуде…', 'Загрузка…'],
  forbidden: ['Тек басшыларға (managers) және әкімшілерге', 'Только для руководителей (managers) и администраторов'],
  failed: ['Жүктеу сәтсіз', 'Ошибка загрузки'],
  funnel: ['Воронка (004 2-қосымша)', 'Воронка (004 прил. 2)'],
  funnelOfRun: ['Іске қосудың воронкасы', 'Воронка запуска'],
  runs: ['Кезеңдегі іске қосулар', 'Запуски за период'],
  recipients: ['Алушылар (ЖСН мен телефон жасырылған)', 'Получатели (ИИН и телефон скрыты)'],
  allOutcomes: ['Барлық нәтижелер', 'Все исходы'],
  page: ['Бет', 'Страница'],
  prev: ['‹ Алдыңғы', '‹ Назад'],
  next: ['Келесі ›', 'Вперёд ›'],
  total: ['Барлығы', 'Всего'],
  byRoute: ['Ашық шағымдар: бағыт бойынша', 'Открытые жалобы: по маршруту'],
  byProvider: ['Ашық шағымдар: көрсетуші бойынша', 'Открытые жалобы: по услугодателю'],
  decisionTime: ['Шешімге дейінгі жұмыс күндері', 'Рабочих дней до решения'],
  closed: ['Жабық шағымдар (іздеу)', 'Закрытые жалобы (поиск)'],
  search: ['Іздеу', 'Искать'],
  consentRequests: ['Келісім сұраулары: нәтиже бойынша', 'Запросы согласия: по исходу'],
  revocations: ['Кері қайтарулар', 'Отзывы'],
  disclosuresByGround: ['Құпияны ашу: негіз бойынша', 'Раскрытие тайны: по основанию'],
  fourEyesWaiting: ['Екінші заңгерді күтуде', 'Ждут второго юриста'],
  incidents: ['Ашық инциденттер', 'Открытые инциденты'],
  cockpit: ['Cockpit-те ашу', 'Открыть в Cockpit'],
  asOf: ['Күйі', 'По состоянию на'],
  none: ['Жоқ', 'Нет'],
  // funnel steps
  runsStep: ['Іске қосулар', 'Запуски'],
  renamedOrganisations: ['Атауы өзгерген ұйымдар', 'Переименованные организации'],
  renamedPersons: ['Аты-жөні өзгерген тұлғалар', 'Сменившие ФИО лица'],
  withPermit: ['4 қызметтің рұқсаты барлар', 'С разрешением 4 услуг'],
  withRecipient: ['Бірінші басшысы табылғандар', 'С найденным первым руководителем'],
  offers: ['Ұсыныстар (алушы × рұқсат)', 'Предложения (получатель × разрешение)'],
  alreadyOffered: ['Бұрын ұсынылған', 'Предложено ранее'],
  excludedMissingOrDead: ['6.1 хабар-ошарсыз / қайтыс болған', '6.1 безвестно отсутствующий / умерший'],
  excludedAbroad: ['6.2 шетелде тұрады', '6.2 проживает за рубежом'],
  excludedIncapable: ['6.3 әрекетке қабілетсіз', '6.3 недееспособный'],
  excludedImprisoned: ['6.4 бас бостандығынан айырылған', '6.4 лишён свободы'],
  noPhone: ['МАБ-та нөмір жоқ', 'Нет номера в БМГ'],
  smsSent: ['SMS жіберілді', 'SMS отправлено'],
  resent: ['SMS қайта жіберілді', 'SMS отправлено повторно'],
  reply1: ['Жауап «1»', 'Ответ «1»'],
  reply2: ['Жауап «2»', 'Ответ «2»'],
  noReplyAfterResend: ['Қайта жіберуден кейін жауап жоқ', 'Нет ответа после повтора'],
  consentGranted: ['Келісім берілді', 'Согласие дано'],
  consentRefused: ['Келісімнен бас тартылды', 'В согласии отказано'],
  consentExpired: ['Келісім мерзімі өтті', 'Срок согласия истёк'],
  consentWithoutConsent: ['Келісімсіз негіз', 'Основание без согласия'],
  reissued: ['Қайта рәсімделді', 'Переоформлено'],
  consentRevoked: ['Келісім кері қайтарылды', 'Согласие отозвано'],
  pilotEnded: ['Пилот аяқталды', 'Пилот завершён'],
  failed_: ['Сәтсіз', 'Сбой'],
  inProgress: ['Өңделуде', 'В работе'],
  // columns
  step: ['Қадам', 'Шаг'],
  count: ['Саны', 'Количество'],
  runId: ['Іске қосу', 'Запуск'],
  startedAt: ['Басталды', 'Начат'],
  status: ['Күйі', 'Статус'],
  windowFrom: ['Терезе басы', 'Окно с'],
  windowTo: ['Терезе соңы', 'Окно по'],
  businessKey: ['Кілт', 'Ключ'],
  recipientIin: ['ЖСН', 'ИИН'],
  holderKind: ['Иесі', 'Держатель'],
  holderId: ['БСН / ЖСН', 'БИН / ИИН'],
  permitId: ['Рұқсат', 'Разрешение'],
  phone: ['Телефон', 'Телефон'],
  outcome: ['Нәтиже', 'Исход'],
  outcomeDetail: ['Себебі', 'Причина'],
  newPermitId: ['Жаңа рұқсат', 'Новое разрешение'],
  smsSentAt: ['SMS уақыты', 'Время SMS'],
  repliedAt: ['Жауап уақыты', 'Время ответа'],
  finishedAt: ['Аяқталды', 'Завершён'],
  registryAnswers: ['Тізілімдер не жауап берді және қашан', 'Что и когда ответили реестры'],
  route: ['Бағыт', 'Маршрут'],
  providerBin: ['Көрсетуші БСН', 'БИН услугодателя'],
  overdue: ['Мерзімі өткен', 'Просрочено'],
  dueToday: ['Бүгін', 'Сегодня'],
  dueWithin2WorkingDays: ['2 жұмыс күні ішінде', 'В течение 2 рабочих дней'],
  later: ['Кейінірек', 'Позже'],
  forwardingDeadlineMissed: ['3 күндік жіберу мерзімі өтті', 'Пропущен 3-дневный срок направления'],
  decided: ['Шешілді', 'Решено'],
  medianWorkingDays: ['Медиана, ж.к.', 'Медиана, р.д.'],
  p90WorkingDays: ['90-перцентиль, ж.к.', '90-й перцентиль, р.д.'],
  decidedPastTerm: ['Мерзімнен кейін шешілді', 'Решено с просрочкой'],
  complaintId: ['Шағым нөмірі', 'Номер жалобы'],
  applicantIin: ['Өтініш беруші ЖСН', 'ИИН заявителя'],
  serviceCode: ['Қызмет', 'Услуга'],
  receivedBy: ['Қабылдаған', 'Принял'],
  appealedKind: ['Шағым нысанасы', 'Предмет обжалования'],
  decision: ['Шешім', 'Решение'],
  decidedBy: ['Шешкен', 'Решил'],
  registeredAt: ['Тіркелді', 'Зарегистрирована'],
  dueAt: ['Мерзімі', 'Срок'],
  closedAt: ['Жабылды', 'Закрыта'],
  workingDaysToDecision: ['Ж.к. шешімге дейін', 'Р.д. до решения'],
  withinTerm: ['Мерзімінде', 'В срок'],
  consents: ['Келісімдер', 'Согласий'],
  kind: ['Түрі', 'Вид'],
  ground: ['Негіз', 'Основание'],
  requests: ['Сұраулар', 'Запросов'],
  released: ['Берілді', 'Выдано'],
  refused: ['Бас тартылды', 'Отказано'],
  releasedOnConsent: ['Келісіммен берілді', 'Выдано по согласию'],
  waiting: ['Күтуде', 'Ожидают'],
  oldestConfirmedAt: ['Ең ескі растау', 'Самое раннее подтверждение'],
  process: ['Процесс', 'Процесс'],
  version: ['Нұсқа', 'Версия'],
  activityId: ['Қадам id', 'Id шага'],
  activity: ['Қадам', 'Шаг'],
  outsideSystem: ['Сыртқы жүйе', 'Внешняя система'],
  incidentType: ['Инцидент түрі', 'Тип инцидента'],
  oldestAt: ['Ең ескісі', 'Самый ранний'],
  cockpitLink: ['Cockpit', 'Cockpit'],
  openCol: ['Ашық', 'Открыто']
};

/** Labels of the answers' coded values; the CSV keeps the codes. */
const VALUES = {
  ALL: ['Барлығы', 'Всего'],
  HEAD_OF_PROVIDER: ['Көрсетуші басшысына', 'Руководителю услугодателя'],
  REVIEWING_BODY: ['Қарайтын органға', 'В рассматривающий орган'],
  PROVIDER: ['Көрсетуші', 'Услугодатель'],
  SATISFIED_IN_FULL: ['Толық қанағаттандырылды', 'Удовлетворена полностью'],
  SATISFIED_IN_PART: ['Ішінара қанағаттандырылды', 'Удовлетворена частично'],
  REJECTED: ['Бас тартылды', 'Отказано'],
  REQUESTED: ['Жауап күтуде', 'Ожидает ответа'],
  GRANTED: ['Берілді', 'Дано'],
  REFUSED: ['Бас тартылды', 'Отказано'],
  EXPIRED: ['Мерзімі өтті', 'Истекло'],
  WITHOUT_CONSENT: ['Келісімсіз негіз', 'Основание без согласия'],
  LEGAL_GROUND_REJECTED: ['Негіз расталмады', 'Основание не подтверждено'],
  REVOKED: ['Кері қайтарылды', 'Отозвано'],
  REVOCATION_REFUSED: ['Кері қайтарудан бас тартылды', 'В отзыве отказано']
};

function value(v) {
  const pair = typeof v === 'string' ? VALUES[v] : null;
  if (!pair) {
    return cellText(v);
  }
  return LANG === 'kk' ? pair[0] : LANG === 'ru' ? pair[1] : pair[0] + ' / ' + pair[1];
}

function t(key) {
  const pair = L[key];
  if (!pair) {
    return key;
  }
  return LANG === 'kk' ? pair[0] : LANG === 'ru' ? pair[1] : pair[0] + ' / ' + pair[1];
}

/** A column key's label ("open" and "failed" clash with UI words, so they have their own keys). */
function col(key) {
  return key === 'open' ? t('openCol') : key === 'failed' ? t('failed_') : key === 'runs' ? t('runsStep') : t(key);
}

const API_ROOT = (() => {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '') + '/api/manager';
})();

function url(path, params) {
  const query = Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');
  return API_ROOT + path + (query ? '?' + query : '');
}

function csvUrl(path, params, table) {
  return url(path, Object.assign({}, params, { format: 'csv', table: table }));
}

async function load(path, params) {
  const response = await fetch(url(path, params), {
    credentials: 'same-origin',
    // a 401 (the session ended) then comes without the browser's Basic login prompt
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  if (response.status === 401 || response.status === 403) {
    throw new Error(t('forbidden'));
  }
  if (!response.ok) {
    let reasons = '';
    try {
      const body = await response.json();
      reasons = (body.reasons || []).join('; ') || body.detail || '';
    } catch (e) {
      // not JSON
    }
    throw new Error(t('failed') + ' (' + response.status + ') ' + reasons);
  }
  return response.json();
}

// ---- DOM helpers (text only: no answer is ever written as HTML) -----------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'style') {
      node.style.cssText = v;
    } else if (k.startsWith('on')) {
      node.addEventListener(k.substring(2), v);
    } else if (v !== undefined && v !== null) {
      node.setAttribute(k, v);
    }
  });
  children.flat().forEach(c => {
    if (c !== null && c !== undefined) {
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  });
  return node;
}

function cellText(value) {
  return value === null || value === undefined ? '—' : String(value);
}

function table(name, data, path, params, options) {
  const opts = options || {};
  const head = el('tr', {}, data.columns.map(c => el('th', { 'data-column': c }, col(c))));
  const rows = data.rows.map(r => el('tr', {}, r.map((v, i) => {
    const column = data.columns[i];
    if (opts.cell) {
      const custom = opts.cell(column, v, r);
      if (custom) {
        return el('td', { 'data-column': column }, custom);
      }
    }
    const coded = ['route', 'decision', 'receivedBy'].includes(column) || i === 0;
    return el('td', { 'data-column': column, 'data-value': v === null ? '' : String(v) },
      column === 'step' ? col(v) : coded ? value(v) : cellText(v));
  })));
  return el('div', { class: 'sanepid-table', 'data-table': name, style: 'margin: 0 0 24px 0; overflow-x: auto;' },
    el('h4', {}, opts.title || t(name), ' ',
      el('a', { href: csvUrl(path, params, name), download: name + '.csv', class: 'btn btn-default btn-xs',
        'data-csv': name }, t('csv'))),
    data.rows.length === 0 ? el('p', {}, t('none')) :
      el('table', { class: 'table table-bordered table-condensed cam-table' }, el('thead', {}, head),
        el('tbody', {}, rows)));
}

/** The funnel as horizontal bars (SVG), longest bar = the largest step. */
function funnelChart(data) {
  const rows = data.rows.filter(r => r[0] !== 'runs');
  const max = Math.max(1, ...rows.map(r => Number(r[1]) || 0));
  const barH = 18;
  const gap = 6;
  const labelW = 330;
  const width = 820;
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(rows.length * (barH + gap) + gap));
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'sanepid-funnel-chart');
  rows.forEach((r, i) => {
    const y = gap + i * (barH + gap);
    const value = r[1] === null ? null : Number(r[1]);
    const label = document.createElementNS(svgNs, 'text');
    label.setAttribute('x', String(labelW - 8));
    label.setAttribute('y', String(y + barH - 5));
    label.setAttribute('text-anchor', 'end');
    label.setAttribute('font-size', '12');
    label.textContent = col(r[0]);
    svg.appendChild(label);
    const bar = document.createElementNS(svgNs, 'rect');
    bar.setAttribute('x', String(labelW));
    bar.setAttribute('y', String(y));
    bar.setAttribute('height', String(barH));
    bar.setAttribute('width', String(value ? Math.max(2, (width - labelW - 60) * value / max) : 0));
    bar.setAttribute('fill', r[0].startsWith('excluded') || r[0] === 'noPhone' ? '#d9534f'
      : r[0] === 'reissued' ? '#5cb85c' : '#337ab7');
    svg.appendChild(bar);
    const number = document.createElementNS(svgNs, 'text');
    number.setAttribute('x', String(labelW + (value ? Math.max(2, (width - labelW - 60) * value / max) : 0) + 6));
    number.setAttribute('y', String(y + barH - 5));
    number.setAttribute('font-size', '12');
    number.setAttribute('data-step', r[0]);
    number.textContent = value === null ? '—' : String(value);
    svg.appendChild(number);
  });
  return el('div', { class: 'sanepid-funnel', style: 'margin-bottom: 12px;' }, svg);
}

/** The browser's own calendar day (the API reads days in Asia/Almaty, as Cockpit's users see them). */
function isoDay(date) {
  const pad = n => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

async function into(container, build) {
  container.textContent = t('loading');
  try {
    const content = await build();
    container.textContent = '';
    container.appendChild(content);
  } catch (e) {
    container.textContent = e.message;
    container.setAttribute('data-error', 'true');
  }
}

// ---- the sections ---------------------------------------------------------------------------------------------

function sduSection() {
  const today = new Date();
  const from = el('input', { type: 'date', value: isoDay(new Date(today.getTime() - 30 * 86400000)), name: 'from' });
  const to = el('input', { type: 'date', value: isoDay(today), name: 'to' });
  const periodBox = el('div', {});
  const runBox = el('div', { class: 'sanepid-run' });
  const show = () => into(periodBox, async () => {
    const params = { from: from.value, to: to.value };
    const [funnel, runs] = await Promise.all([load('/sdu/funnel', params), load('/sdu/runs', params)]);
    return el('div', {},
      el('p', {}, t('asOf'), ': ', funnel.asOf),
      el('h4', {}, t('funnel'), ': ', params.from, ' — ', params.to),
      funnelChart(funnel.tables.funnel),
      table('funnel', funnel.tables.funnel, '/sdu/funnel', params),
      table('runs', runs.tables.runs, '/sdu/runs', params, {
        cell: (column, value) => column === 'runId'
          ? el('a', { href: 'javascript:void(0)', 'data-run': value, onclick: () => openRun(runBox, value) }, value)
          : null
      }));
  });
  show();
  return el('div', {},
    el('form', { class: 'form-inline', style: 'margin-bottom: 12px;', onsubmit: e => { e.preventDefault(); show(); } },
      el('label', {}, t('from'), ' ', from), ' ', el('label', {}, t('to'), ' ', to), ' ',
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, t('show'))),
    periodBox, runBox);
}

function openRun(box, runId) {
  const outcomes = ['', 'REISSUED', 'REFUSED', 'NO_REPLY', 'CONSENT_REFUSED', 'CONSENT_REVOKED', 'NO_PHONE',
    'EXCLUDED_MISSING_OR_DEAD', 'EXCLUDED_ABROAD', 'EXCLUDED_INCAPABLE', 'EXCLUDED_IMPRISONED', 'PILOT_ENDED',
    'FAILED', 'AWAITING_REPLY', 'RESENT', 'REPLY_RECEIVED', 'CANDIDATE', 'STARTED'];
  const select = el('select', { name: 'outcome' }, outcomes.map(o => el('option', { value: o }, o || t('allOutcomes'))));
  const list = el('div', {});
  let page = 0;
  const size = 50;
  const showList = () => into(list, async () => {
    const params = { outcome: select.value, page: page, size: size };
    const answer = await load('/sdu/runs/' + encodeURIComponent(runId) + '/recipients', params);
    const total = answer.query.total;
    return el('div', {},
      table('recipients', answer.tables.recipients, '/sdu/runs/' + encodeURIComponent(runId) + '/recipients', params),
      el('p', {}, t('total'), ': ', String(total), ' · ', t('page'), ' ', String(page + 1), ' ',
        el('button', { class: 'btn btn-default btn-xs', disabled: page === 0 ? 'disabled' : null,
          onclick: () => { page--; showList(); } }, t('prev')), ' ',
        el('button', { class: 'btn btn-default btn-xs', disabled: (page + 1) * size >= total ? 'disabled' : null,
          onclick: () => { page++; showList(); } }, t('next'))));
  });
  select.addEventListener('change', () => { page = 0; showList(); });
  const funnelBox = el('div', {});
  into(funnelBox, async () => {
    const funnel = await load('/sdu/funnel', { runId: runId });
    return el('div', {}, funnelChart(funnel.tables.funnel), table('funnel', funnel.tables.funnel, '/sdu/funnel',
      { runId: runId }, { title: t('funnelOfRun') + ' ' + runId }));
  });
  box.textContent = '';
  box.appendChild(el('div', { 'data-run-id': runId }, el('h3', {}, t('funnelOfRun'), ': ', runId), funnelBox,
    el('h4', {}, t('recipients')), el('label', {}, t('outcome'), ' ', select), list));
  showList();
}

function complaintsSection() {
  const board = el('div', {});
  into(board, async () => {
    const answer = await load('/complaints/deadlines', {});
    return el('div', {}, el('p', {}, t('asOf'), ': ', answer.asOf),
      ['byRoute', 'byProvider', 'decisionTime'].map(n => table(n, answer.tables[n], '/complaints/deadlines', {})));
  });
  const fields = {
    complaintId: el('input', { type: 'text', name: 'complaintId', size: 14 }),
    providerBin: el('input', { type: 'text', name: 'providerBin', size: 12, maxlength: 12 }),
    route: el('select', { name: 'route' }, ['', 'HEAD_OF_PROVIDER', 'REVIEWING_BODY'].map(v => el('option', { value: v }, v || '—'))),
    decision: el('select', { name: 'decision' }, ['', 'SATISFIED_IN_FULL', 'SATISFIED_IN_PART', 'REJECTED']
      .map(v => el('option', { value: v }, v || '—'))),
    from: el('input', { type: 'date', name: 'from' }),
    to: el('input', { type: 'date', name: 'to' })
  };
  const results = el('div', {});
  const search = () => into(results, async () => {
    const params = {};
    Object.entries(fields).forEach(([k, f]) => { if (f.value) { params[k] = f.value.trim(); } });
    params.size = 100;
    const answer = await load('/complaints/closed', params);
    return el('div', {}, table('closed', answer.tables.closed, '/complaints/closed', params),
      el('p', {}, t('total'), ': ', String(answer.query.total)));
  });
  search();
  return el('div', {}, board, el('h4', {}, t('closed')),
    el('form', { class: 'form-inline', style: 'margin-bottom: 12px;', onsubmit: e => { e.preventDefault(); search(); } },
      Object.entries(fields).map(([k, f]) => el('label', { style: 'margin-right: 8px;' }, col(k === 'from' ? 'from' : k === 'to' ? 'to' : k), ' ', f)),
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, t('search'))),
    results);
}

function consentSection() {
  const box = el('div', {});
  into(box, async () => {
    const answer = await load('/consent', {});
    return el('div', {}, el('p', {}, t('asOf'), ': ', answer.asOf),
      ['consentRequests', 'revocations', 'disclosuresByGround', 'fourEyesWaiting']
        .map(n => table(n, answer.tables[n], '/consent', {})));
  });
  return box;
}

function incidentsSection() {
  const box = el('div', {});
  into(box, async () => {
    const answer = await load('/incidents', {});
    const appRoot = (document.querySelector('base') || { getAttribute: () => null }).getAttribute('app-root') || '/camunda';
    return el('div', {}, el('p', {}, t('asOf'), ': ', answer.asOf),
      table('incidents', answer.tables.incidents, '/incidents', {}, {
        cell: (column, value) => column === 'cockpitLink' && value
          ? el('a', { href: value.replace(/^\/camunda/, appRoot) }, t('cockpit')) : null
      }));
  });
  return box;
}

const SECTIONS = [
  ['sdu', 'tabSdu', sduSection],
  ['complaints', 'tabComplaints', complaintsSection],
  ['consent', 'tabConsent', consentSection],
  ['incidents', 'tabIncidents', incidentsSection]
];

function page(node) {
  const content = el('div', { class: 'sanepid-section' });
  const tabs = el('ul', { class: 'nav nav-tabs', style: 'margin-bottom: 16px;' });
  const select = id => {
    Array.from(tabs.children).forEach(li => li.classList.toggle('active', li.getAttribute('data-tab') === id));
    content.textContent = '';
    content.appendChild(SECTIONS.find(s => s[0] === id)[2]());
  };
  SECTIONS.forEach(([id, label]) => tabs.appendChild(el('li', { 'data-tab': id },
    el('a', { href: 'javascript:void(0)', onclick: () => select(id) }, t(label)))));
  // Cockpit's page frame does not scroll (its own views scroll inside): this page scrolls itself
  node.appendChild(el('div', { class: 'sanepid-managers', lang: LANG === 'both' ? 'kk' : LANG,
    style: 'position: absolute; top: 0; right: 0; bottom: 0; left: 0; overflow-y: auto; padding: 16px 24px 48px;' },
    el('h2', {}, t('title')), tabs, content));
  const wanted = (window.location.hash.match(/[?&]tab=([a-z]+)/) || [])[1];
  select(SECTIONS.some(s => s[0] === wanted) ? wanted : 'sdu');
}

function dashboard(node) {
  const numbers = el('div', {});
  const box = el('section', { class: 'sanepid-managers-dashboard', style: 'margin: 12px 0; padding: 12px 16px; border: 1px solid #ddd;' },
    el('h3', { class: 'section-title' }, t('title')), el('p', {}, t('dashboardHint')), numbers,
    el('p', {}, SECTIONS.map(([id, label]) => el('a', { href: '#/managers?tab=' + id, class: 'btn btn-default btn-sm',
      style: 'margin-right: 6px;' }, t(label)))));
  node.appendChild(box);
  into(numbers, async () => {
    const funnel = await load('/sdu/funnel', {});
    const pick = ['offers', 'smsSent', 'reply1', 'reissued'];
    const rows = funnel.tables.funnel.rows.filter(r => pick.includes(r[0]));
    return el('ul', { class: 'list-inline' }, rows.map(r => el('li', { 'data-step': r[0], style: 'margin-right: 16px;' },
      col(r[0]), ': ', el('strong', {}, cellText(r[1])))));
  });
}

export default [
  {
    id: 'sanepid.managers.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: node => dashboard(node)
  },
  {
    id: 'sanepid.managers.route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/managers' },
    render: node => page(node)
  },
  {
    id: 'sanepid.managers.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 20,
    properties: { path: '/managers' },
    render: node => {
      node.appendChild(el('a', { href: '#/managers' }, t('title')));
    }
  }
];
