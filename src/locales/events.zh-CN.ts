/** Activity strings (zh-CN): discovery, sign-up, waitlist offers, check-in, inbox, proxies. */
const eventsZhCN = {
  title: '活动',
};

export default eventsZhCN;
