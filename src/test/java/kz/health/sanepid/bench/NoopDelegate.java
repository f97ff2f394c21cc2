package kz.health.sanepid.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The engine floor's delegate: does nothing but what keeps the recipient process's shape (the МАБ task's
 * {@code hasPhone}, so the floor takes the path to the SMS and the reply wait). Also stands in for
 * the end events' outcome listeners and the obligation's listeners ({@code delegateExpression="${sdu...}"}).
 */
public class NoopDelegate implements JavaDelegate, ExecutionListener {

    public static final String BEAN = "benchNoop";

    @Override
    public void execute(DelegateExecution execution) {
        if ("Task_CheckMobileBase".equals(execution.getCurrentActivityId())) {
            execution.setVariable("hasPhone", true);
        }
    }

    @Override
    public void notify(DelegateExecution execution) {
        // nothing: the floor has no ledger
    }
}
