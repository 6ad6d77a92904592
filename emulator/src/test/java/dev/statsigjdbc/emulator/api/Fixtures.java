package dev.statsigjdbc.emulator.api;

import dev.statsigjdbc.emulator.data.Dataset;
import dev.statsigjdbc.emulator.data.DatasetGenerator;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.time.LocalDate;

/** The demo data as tests use it: a fixed seed and a fixed "today". */
final class Fixtures {
  static final long SEED = 42L;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private Fixtures() {}

  static Dataset demo() {
    return DatasetGenerator.generate(DatasetProfile.DEMO, SEED, TODAY);
  }

  static InMemoryConsoleApi api(ApiQuirks quirks) {
    return new InMemoryConsoleApi(demo(), quirks);
  }

  static InMemoryConsoleApi api() {
    return api(ApiQuirks.schemaConformant());
  }
}
