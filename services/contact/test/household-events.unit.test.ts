import { EVENT_TYPES, parseEventData } from '@kith/events';
import { decideRefreshMemberName } from '../src/domain/household-decisions';
import { toHouseholdOutboxItems } from '../src/events/household-events';
import { JOHN, JOHN_DIED, T2, givenJaneAndJohn } from './support/household-givens';

describe('the household updated event after a death', () => {
  it('carries the new names and marks the member who died', () => {
    const { events } = decideRefreshMemberName(givenJaneAndJohn(), JOHN_DIED, T2);

    const [item] = toHouseholdOutboxItems(events);
    const data = parseEventData(EVENT_TYPES.householdUpdated, item?.event.data);

    expect(data.household).toMatchObject({ name: 'Jane Smith', greeting: 'Jane' });
    expect(data.household.members.map((m) => m.deceased)).toEqual([undefined, true]);
    expect(data.memberChanges).toEqual([{ contactId: JOHN.id, change: 'renamed' }]);
  });
});
