/**
 * Notice strings (zh-CN): what she subscribed to after a consent prompt, the staff view of
 * messages that did not reach the phone, and NutUI's own texts (placeholders, buttons).
 */
const noticesZhCN = {
  subscribe: {
    topics: {
      reminder: '活动提醒',
      offer: '候补转正通知',
      rollcall: '应急召集通知',
      groupReview: '审核结果通知',
      joinDecision: '审核结果通知',
    },
    accepted: '已订阅：{topics}',
    declined: '未订阅{topics}，结果会保存在「消息」中',
  },
  failures: {
    title: '消息发送失败',
    intro: '近 7 天未能送达微信的订阅消息（站内「消息」中都已保存）。',
    total: '共 {count} 条',
    counted: '以下统计最近 {count} 条',
    byKind: '按消息类型',
    byError: '按错误原因',
    latest: '最近的失败',
    empty: '近 7 天没有发送失败的消息',
    recipient: '收件人 {name}',
    open: '消息发送失败',
    errors: {
      '43101': '用户未订阅或订阅次数已用完',
      '40003': '收件人 openid 无效',
      '45009': '发送频率超过微信限制',
      '47003': '模板参数不符合要求',
      '-1': '微信未响应（超时或网关错误）',
      '-2': '微信不可用期间暂停发送',
      other: '其他错误（{code}）',
    },
    kinds: {
      other: '其他（{kind}）',
    },
  },
  /** NutUI React Taro's built-in texts, passed to its ConfigProvider (PageRoot). */
  nutui: {
    placeholder: '请输入',
    select: '请选择',
    confirm: '确认',
    cancel: '取消',
    noData: '暂无数据',
    loadMoreText: '没有更多了',
  },
};

export default noticesZhCN;
