/** Registry data shaped exactly like the contract's outputs (applications, members, posts, hubs). */
import { act, fireEvent, waitFor } from '@testing-library/react';
import type { ApplicationView } from '../../../src/shared/schemas/groups';
import type { HubLinkView } from '../../../src/shared/schemas/hubs';
import type { JoinRequestView, MemberView } from '../../../src/shared/schemas/members';
import type { PostView } from '../../../src/shared/schemas/posts';
import { groupCard, groupDetail } from './fixtures';

export const since = '2026-02-01T08:00:00.000Z';

/** The group as its leader sees it: every leader ability. */
export function leaderGroup(overrides: Parameters<typeof groupDetail>[0] = {}) {
  return groupDetail({
    joinPolicy: 'approval',
    myMembership: { status: 'active', role: 'leader', since },
    contact: { name: '李桂芳', phone: '13812345678', masked: false },
    abilities: ['groups.view', 'groups.seeContact', 'groups.edit', 'groups.manageMembers', 'groups.transfer', 'groups.dissolve', 'members.view', 'invites.create', 'posts.create', 'hubs.respond'],
    ...overrides,
  });
}

export function application(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    group: groupCard({ id: 'g-qipai', name: '北苑棋牌协会', summary: '象棋、围棋、掼蛋，每周二周四下午在活动室切磋。' }),
    status: 'pending',
    managementLevel: 'community',
    reviewerLevel: 'committee',
    applicant: { nickname: '钱大伯' },
    submittedAt: '2026-03-01T02:00:00.000Z',
    reviewedAt: null,
    reason: null,
    ...overrides,
  };
}

export function member(overrides: Partial<MemberView> = {}): MemberView {
  return { userId: 'u-member', nickname: '赵大爷', avatar: null, role: 'member', since, ...overrides };
}

export function joinRequest(overrides: Partial<JoinRequestView> = {}): JoinRequestView {
  return { userId: 'u-alice', nickname: '孙阿姨', avatar: null, message: '我会打太极', requestedAt: since, ...overrides };
}

export function post(overrides: Partial<PostView> = {}): PostView {
  return {
    id: 'p-1',
    groupId: 'g-taiji',
    author: { nickname: '李队长', avatar: null },
    text: '周六上午九点北苑广场集合，带好水杯。',
    images: [],
    imagesPending: 0,
    createdAt: '2026-03-02T01:00:00.000Z',
    abilities: [],
    ...overrides,
  };
}

export function hubLink(overrides: Partial<HubLinkView> = {}): HubLinkView {
  return {
    id: 'h-link',
    hub: groupCard({ id: 'g-hub', name: '城关街道社会组织联合会', type: 'hub', regionName: '城关街道' }),
    group: groupCard(),
    status: 'invited',
    invitedAt: since,
    respondedAt: null,
    ...overrides,
  };
}

/** The element matching `selector`, once it is rendered. */
export async function findElement<T extends HTMLElement = HTMLElement>(selector: string): Promise<T> {
  return waitFor(() => {
    const element = document.querySelector<T>(selector);
    if (!element) throw new Error(`${selector} not rendered`);
    return element;
  });
}

/** Types into the input or textarea inside `selector` (Taro's H5 components wrap a native one). */
export async function typeInto(selector: string, value: string): Promise<void> {
  const field = await findElement<HTMLInputElement>(`${selector} input, ${selector} textarea`);
  fireEvent.input(field, { target: { value } });
}

/** Taps the confirm button of the open dialog with class `dialogClass` and lets its action settle. */
export async function confirmDialog(dialogClass: string): Promise<void> {
  const ok = await findElement(`.${dialogClass} .nut-dialog-footer-ok`);
  await act(async () => {
    fireEvent.click(ok);
  });
}
