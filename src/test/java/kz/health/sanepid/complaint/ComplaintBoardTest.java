package kz.health.sanepid.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The percentile of the time to decision: nearest rank. */
class ComplaintBoardTest {

    @Test
    void nearestRank() {
        assertThat(ComplaintBoard.nearestRank(List.of(), 50)).isNull();
        assertThat(ComplaintBoard.nearestRank(List.of(7), 90)).isEqualTo(7);
        assertThat(ComplaintBoard.nearestRank(List.of(1, 2, 3, 4), 50)).isEqualTo(2);
        assertThat(ComplaintBoard.nearestRank(List.of(2, 5, 6), 50)).isEqualTo(5);
        assertThat(ComplaintBoard.nearestRank(List.of(2, 5, 6), 90)).isEqualTo(6);
        assertThat(ComplaintBoard.nearestRank(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).isEqualTo(9);
    }
}
