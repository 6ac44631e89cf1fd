// The unlocked app: connections on the left; for the selected one, the screens as tabs.
import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { useConnections } from '../features/connections/connectionsStore';
import { ConnectionSidebar } from '../features/connections/ConnectionSidebar';
import { GroupWorkspace } from '../features/groups/GroupWorkspace';
import { useGroups } from '../features/groups/groupsStore';
import { ProjectWorkspace } from '../features/projects/ProjectWorkspace';
import { useProjects } from '../features/projects/projectsStore';
import { revisionsListId } from '../features/graph/GraphRows';
import { DatabaseConditionBanner } from '../features/reset/DatabaseConditionBanner';
import { RunDialog } from '../features/runner/RunDialog';
import { useNavigation } from './navigationStore';
import { panelIdOf, ScreenTabs, tabIdOf } from './ScreenTabs';
import { screens } from './screens';
import { useSidebar } from './sidebarStore';
import { SidebarToggle, sidebarToggleId } from './SidebarToggle';
import { mainContentId, SkipLink } from './SkipLink';
import { ThemePicker } from './ThemePicker';
import { StoreMenu } from '../features/session/StoreMenu';

export function Workspace() {
  const { load, startNew, banner, selected } = useConnections();
  const { screen, go } = useNavigation();
  const { folded, toggle } = useSidebar();
  const projectOpen = useProjects((s) => s.selected !== undefined);
  const groupOpen = useGroups((s) => s.selected !== undefined);
  const side = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // On opening: a lone connection is selected for you, and a lone demo opens on its graph
    // (the first run of the app lands on the demo workspace).
    void load().then(() => {
      const { profiles, selected, select } = useConnections.getState();
      const [only] = profiles;
      if (selected !== undefined || profiles.length !== 1 || !only) return;
      select(only.id);
      if (only.environment === 'demo' && screens.some((s) => s.id === 'graph')) go('graph');
    });
  }, [load, go]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        startNew();
      }
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'b') {
        event.preventDefault();
        // Focus inside the list would go with it: it moves to the button that brings the list back.
        const focusWasInside = side.current?.contains(document.activeElement) ?? false;
        flushSync(toggle);
        if (focusWasInside) document.getElementById(sidebarToggleId)?.focus();
      }
      const target = event.altKey ? screens.find((s) => s.key === event.key) : undefined;
      if (target) {
        event.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startNew, go, toggle]);

  const current = screens.find((s) => s.id === screen) ?? screens[0];
  const showTabs = !projectOpen && !groupOpen && selected !== undefined && selected !== 'new' && screens.length > 1;
  const Current = showTabs && current ? current.component : screens[0]?.component;
  const onGraph = showTabs && current?.id === 'graph';
  return (
    <div className="workspace">
      <SkipLink label={onGraph ? 'Skip to graph' : 'Skip to main content'} targetId={onGraph ? revisionsListId : mainContentId} />
      <div className={folded ? 'side folded' : 'side'} ref={side}>
        <SidebarToggle />
        {!folded && (
          <>
            <ConnectionSidebar />
            <ThemePicker />
            <StoreMenu />
          </>
        )}
      </div>
      <main className="content" id={mainContentId} tabIndex={-1}>
        {showTabs && current && <ScreenTabs screens={screens} current={current.id} onShow={go} />}
        {banner && (
          <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
            {banner.text}
          </div>
        )}
        {showTabs && <DatabaseConditionBanner />}
        {projectOpen && <ProjectWorkspace />}
        {groupOpen && <GroupWorkspace />}
        {!projectOpen &&
          !groupOpen &&
          Current &&
          (showTabs && current ? (
            <div role="tabpanel" id={panelIdOf(current.id)} aria-labelledby={tabIdOf(current.id)} className="tab-panel">
              <Current />
            </div>
          ) : (
            <Current />
          ))}
      </main>
      <RunDialog />
    </div>
  );
}
