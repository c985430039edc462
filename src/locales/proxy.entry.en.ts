/** English twin of proxy.entry.zh-CN.ts. */
import type proxyEntryZhCN from './proxy.entry.zh-CN';

const proxyEntryEn: typeof proxyEntryZhCN = {
  titles: {
    residents: 'Residents I act for',
    create: 'Register a resident without a smartphone',
    records: 'Proxy records',
  },
  claim: {
    title: 'Claim my account',
    hint: 'If your community or family registered an account for you, enter the 8-digit claim code they gave you. Your sign-ups and records stay.',
    label: '8-digit claim code',
    placeholder: 'Enter 8 digits',
    submit: 'Claim account',
    done: 'Claimed. Welcome, {name}',
  },
  birthYear: {
    title: 'Birth year needed',
    hint: "This activity has an age requirement, so we need {name}'s birth year.",
    self: 'your',
    label: 'Birth year',
    placeholder: 'e.g. 1950',
    submit: 'Save and sign up',
  },
  proxyActions: {
    confirmOffer: 'Confirm place',
    checkin: 'Check in',
  },
};

export default proxyEntryEn;
