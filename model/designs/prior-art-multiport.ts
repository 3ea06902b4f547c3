import type { Design } from '../design.ts';
import { patentLparA } from './patent-lpar-a.ts';

/**
 * DSN-05: the prior art the patent improves on: a multi-port disk that every clustered partition
 * reaches at any time. Fail-over needs no hot-plug: the standby mounts the disk it already sees
 * and starts the service. Expected to fail: a faulty standby can disturb the active's disk.
 */
export const priorArtMultiport: Design = {
  ...patentLparA,
  name: 'prior-art-multiport',
  id: 'DSN-05',
  title: 'Prior art: a multi-port disk every partition can reach',
  ports: 'multi',
  failoverScript: ['deact', 'start', 'act'],
};
