/**
 * Deterministic data behind the emulator. {@link dev.statsigjdbc.emulator.data.DatasetGenerator}
 * builds a {@link dev.statsigjdbc.emulator.data.Dataset} from a profile, a seed and a "today":
 * entities (experiments, gates, configs, ...) are generated once into mutable
 * {@link dev.statsigjdbc.emulator.data.EntityStore}s so writes have real effects, while bulky data
 * (pulse results, exposures, daily metric values, audit history, events) is a pure function of
 * (seed, entity, day or index) computed on request. Names and the demo's stories come from
 * {@code demo-vocabulary.json}; the wall clock is never read.
 */
package dev.statsigjdbc.emulator.data;
