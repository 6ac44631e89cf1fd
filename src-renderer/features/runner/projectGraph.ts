// The bound project's graph and the database's status, for picking a migration target: the Graph
// screen's when it shows the same connection, else loaded once.
import type { GraphLoad } from '../../../src-shared/model/graphView';
import { call } from '../../api/client';
import { useGraph } from '../graph/graphStore';

/** Undefined when the connection has no project, or it cannot be read: the target is then only checked by the server. */
export async function projectGraph(profileId: string): Promise<GraphLoad | undefined> {
  const shown = useGraph.getState();
  if (shown.profileId === profileId && shown.graph) return shown.graph;
  try {
    return await call('graph.load', { profileId });
  } catch {
    return undefined;
  }
}
