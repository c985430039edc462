/**
 * Issue 16, forms that never seem dead: a refused submit scrolls to the first problem and a
 * summary ("有 N 处需要修改") stands by the button, on the activity form and the volunteer
 * registration (one shared mechanism: useFormErrors + FormErrorSummary); limits show as the
 * user types and are never applied by cutting the text.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import EditActivityPage from '../../src/package-events/edit/index';
import RegisterPage from '../../src/package-volunteer/register/index';
import { ActivitiesCreateInput } from '../../src/shared/schemas/activities';
import { call } from '../../src/services/cloud';
import { fieldAnchor } from '../../src/utils/scrollToField';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupDetail } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

// jsdom lays nothing out, so Element has no scrollIntoView; the H5 scroll goes through it.
const scrolled = jest.fn<void, [ScrollIntoViewOptions?]>();
beforeAll(() => {
  Element.prototype.scrollIntoView = function scrollIntoView(this: Element, options?: boolean | ScrollIntoViewOptions) {
    scrolled.call(this, typeof options === 'object' ? options : undefined);
  };
});

beforeEach(() => {
  resetApp();
  scrolled.mockClear();
});

/** The elements scrolled into view, in order. */
const scrolledTo = () => scrolled.mock.contexts as Element[];

async function tap(element: Element): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

const TITLE_MAX = ActivitiesCreateInput.shape.title.maxLength!;

describe('the activity form (发布活动) with mistakes', () => {
  beforeEach(() => {
    routerParams.groupId = 'g-taiji';
    mockActions({ 'account.me': () => account(), 'groups.get': () => groupDetail({ id: 'g-taiji', abilities: ['groups.view', 'activities.create'] }) });
  });

  it('scrolls to the first problem and lists every problem by the button, each one a way back to its field', async () => {
    renderPage(<EditActivityPage />);
    const submit = await findElement('.events-form__submit');
    await tap(submit);

    // the page goes to the first problem: the title, at the top of the form
    expect(scrolledTo()).toHaveLength(1);
    expect(scrolledTo()[0]!.classList.contains(fieldAnchor('title'))).toBe(true);
    expect(scrolledTo()[0]!.getAttribute('data-field')).toBe('title');

    // and a summary stands in the same block as the button
    const actions = submit.closest('.events-form__actions')!;
    const summary = within(actions as HTMLElement).getByRole('alert');
    expect(within(summary).getByText('有 5 处需要修改')).toBeTruthy();
    const items = Array.from(summary.querySelectorAll('[data-summary-field]')).map((item) => item.getAttribute('data-summary-field'));
    expect(items).toEqual(['title', 'category', 'description', 'locationName', 'locationAddress']);
    expect(within(summary).getByText(`活动名称：活动名称需要 2–${TITLE_MAX} 个字`)).toBeTruthy();

    // tapping a line of the summary goes to that field
    await tap(summary.querySelector('[data-summary-field="locationAddress"]')!);
    expect(scrolledTo()[1]!.getAttribute('data-field')).toBe('locationAddress');

    // fixing a field takes it off the list
    await typeInto('.events-form__title', '周末护河行动');
    await waitFor(() => expect(within(summary).getByText('有 4 处需要修改')).toBeTruthy());
    expect(call).not.toHaveBeenCalledWith('activities.create', expect.anything());
  });

  it('counts the title as it is typed, against the schema’s limit, and refuses an over-long one instead of cutting it', async () => {
    renderPage(<EditActivityPage />);
    await findElement('.events-form__title');
    const counter = () => document.querySelector('[data-field="title"] .linli-counter')!;
    expect(counter().textContent).toBe(`0/${TITLE_MAX}`);

    await typeInto('.events-form__title', '周末护河');
    expect(counter().textContent).toBe(`4/${TITLE_MAX}`);
    expect(counter().classList.contains('linli-counter--over')).toBe(false);

    const long = '社区'.repeat(22); // 44 characters
    await typeInto('.events-form__title', long);
    // nothing is cut: the box keeps all 44, the counter turns red and says so, with a message
    expect(document.querySelector<HTMLInputElement>('.events-form__title input')!.value).toBe(long);
    expect(counter().textContent).toBe(`44/${TITLE_MAX}`);
    expect(counter().classList.contains('linli-counter--over')).toBe(true);
    const message = `最多 ${TITLE_MAX} 个字，现在 44 个，请删减`;
    expect(document.querySelector('[data-field="title"] .events-form__error')!.textContent).toBe(message);

    // a submit is refused with that message: the title is not stored as 40 characters
    await tap(await findElement('.events-form__submit'));
    expect(document.querySelector('[data-field="title"] .events-form__error')!.textContent).toBe(message);
    expect(scrolledTo()[0]!.getAttribute('data-field')).toBe('title');
    expect(call).not.toHaveBeenCalledWith('activities.create', expect.anything());
  });
});

describe('volunteer registration with mistakes', () => {
  it('scrolls to the first problem and shows the summary above 提交登记', async () => {
    mockActions({ 'account.me': () => account(), 'volunteers.me': () => ({ profile: null }) });
    renderPage(<RegisterPage />);
    const button = await screen.findByText('提交登记');
    // the name is fine; the ID number is missing and the consent is not given
    await typeInto('[data-field="realName"]', '王秀英');
    await tap(button);

    expect(scrolledTo()).toHaveLength(1);
    expect(scrolledTo()[0]!.getAttribute('data-field')).toBe('idNumber');

    const bar = button.closest('.volunteer-bar') as HTMLElement;
    const summary = within(bar).getByRole('alert');
    expect(within(summary).getByText('有 2 处需要修改')).toBeTruthy();
    expect(within(summary).getByText('证件号码：请填写证件号码')).toBeTruthy();
    expect(within(summary).getByText('个人敏感信息处理规则：请阅读并同意个人敏感信息处理规则')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('volunteers.register');

    // the name's counter reads the contract's limit
    expect(document.querySelector('[data-field="realName"] .linli-counter')!.textContent).toBe('3/30');
  });
});
