package kz.health.sanepid.complaint;

import static kz.health.sanepid.complaint.ComplaintTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kz.health.sanepid.tasklist.TaskFilters;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The Tasklist filters exist once per name and select by the tasks' working-day due dates. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskFiltersTest {

    static final String PROVIDERS = " — Қызмет беруші / Услугодатель";
    /** A complaint to the provider is decided by its head (004 App.2 item 19): the heads' filters show it. */
    static final String HEADS = " — Қызмет беруші басшысы / Руководитель услугодателя";

    @Autowired FilterService filterService;
    @Autowired TaskFilters taskFilters;
    @Autowired ComplaintRegistration registration;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void filtersAreCreatedAtStartAndNotDuplicated() {
        List<String> names = taskFilters.ensureAll();
        assertThat(names).contains("Бүгін мерзімі / Срок сегодня" + PROVIDERS, "Мерзімі өткен / Просрочено" + PROVIDERS,
                "Топтың шағымдары / Жалобы моей группы" + PROVIDERS, "Топтың шағымдары / Жалобы моей группы" + HEADS,
                "Менің тапсырмаларым / Мои задачи",
                "Менің тобым / Моя группа");
        for (String name : names) {
            assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
    }

    @Test
    void dueTodayAndOverdueFollowTheWorkingDayDeadline() {
        ClockUtil.setCurrentTime(REGISTERED);
        String pi = registration.register(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null)).processInstanceId();

        ClockUtil.setCurrentTime(at("2026-03-31T12:00:00+05:00"));
        assertThat(tasksOf("Бүгін мерзімі / Срок сегодня" + HEADS, pi)).isEmpty();
        assertThat(tasksOf("Мерзімі өткен / Просрочено" + HEADS, pi)).isEmpty();
        assertThat(tasksOf("Топтың шағымдары / Жалобы моей группы" + HEADS, pi)).hasSize(1);

        ClockUtil.setCurrentTime(at("2026-03-31T23:59:59+05:00"));
        assertThat(tasksOf("Бүгін мерзімі / Срок сегодня" + HEADS, pi)).isEmpty();

        ClockUtil.setCurrentTime(at("2026-04-01T00:00:01+05:00"));
        assertThat(tasksOf("Бүгін мерзімі / Срок сегодня" + HEADS, pi)).hasSize(1);
        ClockUtil.setCurrentTime(at("2026-04-01T23:30:00+05:00"));
        assertThat(tasksOf("Бүгін мерзімі / Срок сегодня" + HEADS, pi)).hasSize(1);
        assertThat(tasksOf("Мерзімі өткен / Просрочено" + HEADS, pi)).isEmpty();

        ClockUtil.setCurrentTime(at("2026-04-02T10:00:00+05:00"));
        assertThat(tasksOf("Мерзімі өткен / Просрочено" + HEADS, pi)).hasSize(1);
        assertThat(tasksOf("Мерзімі өткен / Просрочено — Барлық топтар / Все группы", pi)).hasSize(1);
    }

    private List<Task> tasksOf(String filterName, String processInstanceId) {
        Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
        List<Task> tasks = filterService.list(filter.getId());
        return tasks.stream().filter(t -> processInstanceId.equals(t.getProcessInstanceId())).toList();
    }
}
