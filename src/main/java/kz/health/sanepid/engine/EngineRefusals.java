package kz.health.sanepid.engine;

import java.util.ArrayList;
import java.util.List;

import kz.health.sanepid.web.Refusal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Where a {@link Refusal} thrown inside the engine (a delegate, a listener, a start form's first step) crosses the
 * engine's boundary: the one place the application's refusal meets the engine's own, {@link BadUserRequestException}.
 * <ul>
 * <li>The engine logs it as it logs its own refusals of input (at DEBUG), not as an internal error.</li>
 * <li>Leaving the engine to Camunda's REST resources ({@code /engine-rest}, and the webapps'
 * {@code /camunda/api/engine} behind Tasklist), it is a {@link BadUserRequestException} with its message, the Refusal
 * as its cause: those resources answer it as they answer the engine's refusals (400, or their own wrapping such as
 * submit-form's "Cannot instantiate process definition ...: <reason>"), and Tasklist shows the reason.</li>
 * <li>Leaving the engine to the application's own code (use cases and {@code /api}, jobs, tests), it is the Refusal
 * itself, which {@code web/ApiErrors} maps.</li>
 * </ul>
 * A task's completion is the write door's: {@code security/EngineWriteDoors} turns a refusal there into the engine's
 * form-field refusal before it reaches this point.
 */
@Component
public class EngineRefusals extends AbstractProcessEnginePlugin {

    /** The package of Camunda's REST resources, those of {@code /engine-rest} and of the webapps' engine API. */
    static final String ENGINE_REST = "org.camunda.bpm.engine.rest.";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory contexts = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new CommandContext(processEngineConfiguration) {
                    @Override
                    protected boolean shouldLogFine(Throwable exception) {
                        return exception instanceof Refusal || super.shouldLogFine(exception);
                    }
                };
            }
        };
        contexts.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(contexts);
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withLast(configuration.getCustomPreCommandInterceptorsTxRequired(), new Boundary()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withLast(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Boundary()));
    }

    /** Before the engine's transaction and command context: sees what the caller of the outermost command gets. */
    static final class Boundary extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            boolean outermost = Context.getCommandContext() == null;
            try {
                return next.execute(command);
            } catch (Refusal refusal) {
                throw outermost && calledByEngineRest() ? asEngineRefusal(refusal) : refusal;
            }
        }
    }

    /** The engine's refusal of the caller's input, with the Refusal's message. */
    static BadUserRequestException asEngineRefusal(Refusal refusal) {
        return new BadUserRequestException(refusal.getMessage(), refusal);
    }

    private static boolean calledByEngineRest() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith(ENGINE_REST)));
    }

    private static List<CommandInterceptor> withLast(List<CommandInterceptor> list, CommandInterceptor last) {
        List<CommandInterceptor> all = new ArrayList<>(list == null ? List.of() : list);
        all.add(last);
        return all;
    }
}
