import '../locale';
import '../actions';
import { GroupGate } from '../../components/GroupGate';
import { HubInvitations } from './HubInvitations';
import { HubOutreach } from './HubOutreach';
import '../components/leader.scss';
import './index.scss';

/**
 * Hub links. A hub organization's leaders see the groups linked to it and invite more groups
 * of their street; any group's leaders answer the invitations of hubs.
 */
export default function HubPage() {
  return (
    <GroupGate titleKey='registry.titles.hub' className='hub' abilities={['hubs.invite', 'hubs.respond']}>
      {(group, detail) =>
        group.abilities.includes('hubs.invite') ? <HubOutreach group={group} /> : <HubInvitations group={group} onAnswered={() => void detail.reload()} />
      }
    </GroupGate>
  );
}
