// An example user design: the hardened design with the patent's case (a) order put back — act
// after start — to see what that costs. Run: npx slotcheck run --design ./examples/my-design.ts
import { defineDesign } from 'slotcheck';

export default defineDesign({
  extends: 'hardened',
  name: 'hardened-act-last',
  title: 'hardened, with act moved back to the end of the script (as in Fig. 9)',
  failoverScript: ['deact', 'await-fenced', 'rem_pci', 'add_pci', 'start', 'act'],
});
