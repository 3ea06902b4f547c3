/** Model-based testing's own property: the subject agrees with the model after every command. */
export const CONFORMANCE = {
  id: 'CONFORMANCE',
  name: 'the emulator agrees with the model after every command: same outcome and reason code, same abstracted state',
  expect: 'always',
  note: 'Checked only when the runs drive the emulator; a disagreement names the differing fields.',
} as const;
