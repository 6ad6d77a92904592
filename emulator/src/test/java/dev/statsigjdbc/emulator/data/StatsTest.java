package dev.statsigjdbc.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void criticalValuesAndPValuesMatchTheNormalTables() {
    assertThat(Stats.criticalZ(95)).isCloseTo(1.959964, offset(1e-4));
    assertThat(Stats.criticalZ(90)).isCloseTo(1.644854, offset(1e-4));
    assertThat(Stats.criticalZ(99)).isCloseTo(2.575829, offset(1e-4));
    assertThat(Stats.twoSidedP(1.959964)).isCloseTo(0.05, offset(1e-5));
    assertThat(Stats.twoSidedP(0)).isCloseTo(1.0, offset(1e-6));
    assertThat(Stats.twoSidedP(9)).isPositive().isLessThan(1e-15);
    assertThat(Stats.normalCdf(-1) + Stats.normalCdf(1)).isCloseTo(1.0, offset(1e-9));
  }

  @Test
  void clippedGaussianStaysInItsBounds() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      assertThat(Stats.gaussian(r, 1.5)).isBetween(-1.5, 1.5);
    }
  }

  @Test
  void seedsAreStableAndSeparateTheirParts() {
    assertThat(Seeds.of(1, "ab", "c")).isEqualTo(Seeds.of(1, "ab", "c")).isNotEqualTo(Seeds.of(1, "a", "bc"));
    assertThat(Seeds.opaqueId(1, "x")).hasSize(22).matches("[0-9A-Za-z]+").isEqualTo(Seeds.opaqueId(1, "x"));
    assertThat(Stats.significant(0.000123456789, 3)).isEqualTo(0.000123);
  }
}
