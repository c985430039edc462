import type volunteerEntryZhCN from './volunteer.entry.zh-CN';

/** The volunteer strings main-package pages use (English); same keys as volunteer.entry.zh-CN.ts. */
const volunteerEntryEn: typeof volunteerEntryZhCN = {
  me: {
    section: 'Volunteering',
    volunteer: 'Volunteer service',
    credits: 'My credits',
    store: 'Points store',
    proofs: 'Service proofs',
    review: 'Hours review',
    issue: 'Issue proofs',
    storeAdmin: 'Manage points store',
    rollcall: 'Emergency call-outs',
  },
  activityLink: 'My volunteer hours',
  rosterConfirm: 'Confirm volunteer hours',
};

export default volunteerEntryEn;
