import { runSubgraphProcess } from '../../shared/http/run.js';
import { createSubgraph } from './server.js';

await runSubgraphProcess('training', createSubgraph);
