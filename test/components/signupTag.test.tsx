import { screen } from '@testing-library/react';
import { SignupTag } from '../../src/components/SignupTag';
import { mySignup } from './support/eventFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

beforeEach(resetApp);

test('a waitlisted sign-up shows its place in the queue; other states their name', async () => {
  const { rerender } = renderPage(<SignupTag signup={mySignup({ status: 'waitlisted', waitlistPosition: 3 })} />);
  expect(await screen.findByText('候补第 3 位')).toBeTruthy();
  rerender(<SignupTag signup={mySignup({ status: 'waitlisted', waitlistPosition: null })} />);
  expect(await screen.findByText('候补中')).toBeTruthy();
  rerender(<SignupTag signup={mySignup({ status: 'confirmed', checkedInAt: '2026-11-22T01:00:00.000Z' })} />);
  expect(screen.queryByText('候补中')).toBeNull();
});
