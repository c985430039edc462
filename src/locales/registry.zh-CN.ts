/** Registry strings (zh-CN): founding and review, leader and staff pages, hubs, posts. */
const registryZhCN = {
  title: '小组管理',
};

export default registryZhCN;
