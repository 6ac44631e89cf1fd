// "Created by" clicks through to the revision on the Graph screen, with its panel open.
import { useNavigation } from '../../app/navigationStore';
import { useGraph } from '../graph/graphStore';

export async function showRevision(profileId: string, revision: string): Promise<void> {
  // Loading the profile's graph first: opening a different profile's graph clears the selection.
  if (useGraph.getState().profileId !== profileId) await useGraph.getState().open(profileId);
  void useGraph.getState().openPanel(revision);
  useNavigation.getState().go('graph');
}
