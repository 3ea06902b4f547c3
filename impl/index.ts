// The concrete emulator's public API (DESIGN.md §3): the machine at register level, driven by the
// model's Command union, with an abstraction function onto the model's state.
export { Emulator, type EmulatorOptions, type EmulatorStep } from './emulator.ts';
export { PLANTED_BUGS, type PlantedBug } from './machine.ts';
export type { Observation } from './observations.ts';
