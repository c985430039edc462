/**
 * Simplified Chinese, the default language. Every user-facing string of the app lives here or
 * in en.ts (test/app/i18n.test.ts fails on text written anywhere else). `{name}` placeholders
 * are filled by `translate()`.
 */
import errorsZhCN, { errorIssuesZhCN } from './errors.zh-CN';
import type careRefusals from './errors.care.zh-CN';
import type needsRefusals from './errors.needs.zh-CN';
import type staffRefusals from './errors.staff.zh-CN';
import type volunteerRefusals from './errors.volunteer.zh-CN';
import eventsZhCN from './events.zh-CN';
import type eventsManageZhCN from './events.manage.zh-CN';
import careEntryZhCN from './care.entry.zh-CN';
import type careZhCN from './care.zh-CN';
import formsZhCN from './forms.zh-CN';
import moderationZhCN from './moderation.zh-CN';
import noticesZhCN from './notices.zh-CN';
import communityNoticesEntryZhCN from './communityNotices.entry.zh-CN';
import type communityNoticesZhCN from './communityNotices.zh-CN';
import needsEntryZhCN from './needs.entry.zh-CN';
import type needsZhCN from './needs.zh-CN';
import proxyEntryZhCN from './proxy.entry.zh-CN';
import type proxyZhCN from './proxy.zh-CN';
import type moderationStaffZhCN from './moderation.staff.zh-CN';
import registryZhCN from './registry.zh-CN';
import type registryManageZhCN from './registry.manage.zh-CN';
import volunteerEntryZhCN from './volunteer.entry.zh-CN';
import type volunteerZhCN from './volunteer.zh-CN';

const zhCN = {
  /** Group management, founding and review, hubs and posts (package-leader, package-staff). */
  /** Founding, editing and managing a group, and its review, load with package-leader / package-staff. */
  registry: registryZhCN as typeof registryZhCN & typeof registryManageZhCN,
  /** Activities, sign-ups, check-in, inbox and proxies. */
  /** The form, roster, code and cancel strings load with package-events (src/package-events/locale.ts). */
  events: eventsZhCN as typeof eventsZhCN & typeof eventsManageZhCN,
  /** Volunteer service: registration, hours, credits, the points store, proofs. */
  // Only the entry strings ship in the main package; package-volunteer registers the rest.
  volunteer: volunteerEntryZhCN as typeof volunteerEntryZhCN & typeof volunteerZhCN,
  /** Reports, moderation notices and appeals, and the staff console. */
  // The staff console's strings load with package-staff (see src/package-staff/locale.ts).
  moderation: moderationZhCN as typeof moderationZhCN & typeof moderationStaffZhCN,
  /** Form problems and limits (every form), and the first-run large-text prompt. */
  forms: formsZhCN,
  /** Consent results, undelivered messages (staff), NutUI's own texts. */
  notices: noticesZhCN,
  /** Committee notices: the home pin, the notice page, the staff page (small, so all in the main package). */
  communityNotices: communityNoticesEntryZhCN as typeof communityNoticesEntryZhCN & typeof communityNoticesZhCN,
  /** The needs board (微心愿 / 邻里求助) and the time-bank offers: loaded with package-needs (and package-staff's figures). */
  needs: needsEntryZhCN as typeof needsEntryZhCN & typeof needsZhCN,
  /** People served, pairing and visits: loaded with package-care (src/package-care/locale.ts). */
  care: careEntryZhCN as typeof careEntryZhCN & typeof careZhCN,
  /** Residents without a smartphone: registering, acting for them, 代办记录, claiming (package-proxy, activity page). */
  proxy: proxyEntryZhCN as typeof proxyEntryZhCN & typeof proxyZhCN,
  app: {
    name: '邻里',
    slogan: '发现身边的社区社会组织',
    /** Shown by WeChat when it asks for scope.userLocation (app.config.ts `permission`). */
    locationPurpose: '用于在地图上选择活动地点，查找离你近的活动',
  },
  tabs: {
    home: '首页',
    activities: '活动',
    me: '我的',
    label: '主导航',
    withUnread: '{label} {count} 条未读',
  },
  titles: {
    home: '邻里',
    activities: '活动',
    me: '我的',
    group: '组织详情',
    community: '选择所在社区',
    settings: '设置',
    login: '登录邻里',
    profile: '完善资料',
  },
  common: {
    mainNavigation: '主导航',
    retry: '重新加载',
    confirm: '确定',
    cancel: '取消',
    loading: '正在加载…',
    loadMore: '加载更多',
    loadingMore: '正在加载更多…',
    noMore: '没有更多了',
    errorTitle: '加载失败',
    goneTitle: '内容已不存在或已被删除',
    goneHint: '链接可能已经失效，可以回到首页看看别的。',
    goHome: '返回首页',
    saved: '已保存',
    copied: '链接已复制',
    members: '{count} 位成员',
    membersOne: '{count} 位成员',
    separator: ' · ',
    /** The photo picker of every form (src/components/PhotoPick). */
    photo: {
      add: '添加图片',
      count: '{count}/{max}',
      remove: '删除图片',
      removeNth: '删除第 {index} 张图片',
      chooseFailed: '没能打开相册或相机，请再试一次',
    },
  },
  errors: {
    UNAUTHENTICATED: '登录已过期，请重新登录',
    FORBIDDEN: '没有权限进行此操作',
    NOT_FOUND: '内容不存在或已删除',
    INVALID_INPUT: '填写的内容有误',
    CONFLICT: '操作冲突，请刷新后重试',
    RATE_LIMITED: '操作太频繁，请稍后再试',
    CONTENT_REJECTED: '内容未通过安全检查，请修改后再提交',
    CONTENT_REVIEW: '内容需要人工审核，请换个说法再试',
    IDEMPOTENCY_MISMATCH: '请求重复，请刷新后重试',
    INTERNAL: '服务暂时不可用，请稍后再试',
    ACTIVITY_FULL: '活动名额已满',
    SIGNUP_CLOSED: '报名已截止',
    INSUFFICIENT_CREDITS: '积分不足',
    ALREADY_MEMBER: '你已经是这个组织的成员了',
    NOT_MEMBER: '你还不是这个组织的成员',
    GROUP_NOT_JOINABLE: '这个组织目前仅限邀请加入',
    OUT_OF_STOCK: '这件物品已兑完',
    LIMIT_REACHED: '已达到每人可兑换的数量',
    NOT_A_VOLUNTEER: '请先完成志愿者登记',
    ROLLCALL_CLOSED: '本次召集已结束',
    NETWORK: '网络不太顺畅，请检查网络后重试',
    BAD_RESPONSE: '服务返回了无法识别的内容，请稍后再试',
    withIssues: '{base}：{details}',
    issueSeparator: '；',
    issue: '{field}{message}',
    /** The refusals of the functions, by reason: errors.<function>.<case> (src/shared/domainErrors). */
    // The main package's groups; the others (errors.<part>.zh-CN.ts) load with their subpackages
    // (src/package-*/locale.ts). Until then a refusal of theirs reads as its code's text above, or
    // in Chinese as the server's own words (services/cloud.ts, messageFor).
    ...(errorsZhCN as typeof errorsZhCN & typeof careRefusals & typeof needsRefusals & typeof staffRefusals & typeof volunteerRefusals),
  },
  /** A field refusal's issue in its own words, where they differ from errors.<reason>. */
  errorIssues: errorIssuesZhCN,
  fields: {
    nickname: '昵称',
    avatar: '头像',
    homeCommunityId: '所在社区',
    groupId: '组织',
    message: '留言',
    q: '搜索内容',
  },
  groupTypes: {
    all: '全部',
    service: '为民服务',
    charity: '公益慈善',
    mutual_aid: '邻里互助',
    safety: '平安创建',
    culture_sports: '文体娱乐',
    rural_tech: '农技服务',
    hub: '枢纽型',
  },
  levels: {
    registered: '县级登记',
    filed: '街道备案',
    community: '社区管理',
  },
  levelHints: {
    registered: '在县级民政部门登记的社会组织',
    filed: '在街道（乡镇）备案的社区社会组织',
    community: '由村（社区）直接管理的社区社会组织',
  },
  joinPolicies: {
    open: '自由加入',
    approval: '需队长审核',
    invite: '仅限邀请',
  },
  membership: {
    pending: '审核中',
    active: '已加入',
    rejected: '未通过',
    left: '已退出',
    removed: '已移出',
    banned: '不可加入',
  },
  roles: {
    leader: '队长',
    co_leader: '副队长',
    member: '成员',
  },
  home: {
    greeting: '{name}，你好',
    greetingAnonymous: '你好',
    community: '{name}',
    switchCommunity: '切换',
    searchPlaceholder: '搜索组织名称或简介',
    search: '搜索',
    areaCommunity: '本社区',
    areaNearby: '附近',
    total: '共 {count} 个组织',
    totalOne: '共 {count} 个组织',
    emptyTitle: '这里还没有组织',
    emptyDescription: '换个分类或搜索词试试，也可以看看附近社区的组织。',
    emptySearch: '没有找到“{q}”相关的组织',
    showNearby: '看看附近',
    clearSearch: '清除搜索',
    sortLabel: '排序',
    sortMembers: '人数最多',
    sortNearest: '离我最近',
    nearFrom: '距离按：{place}',
    nearHere: '我的位置',
    changePlace: '换个地点',
    locating: '正在获取位置…',
    locateCancelled: '没有选择地点，仍按人数排序',
    locateUnavailable: '无法获取你的位置。请在浏览器中允许定位，或在微信小程序中选择地点。',
    nearestNote: '没有标注活动地点的组织排在最后',
    distanceMeters: '约 {distance} 米',
    distanceKm: '约 {distance} 公里',
    noPlace: '未标注地点',
  },
  group: {
    type: '组织类型',
    level: '管理层级',
    registrationNumber: '登记证号',
    filingNumber: '备案号',
    joinPolicy: '加入方式',
    rules: '活动规则',
    rulesText: '活动开始前 {hours} 小时内取消算作迟取消；缺席 {limit} 次后暂停报名一段时间',
    memberCount: '成员',
    region: '所在地',
    about: '组织简介',
    leader: '负责人',
    contact: '联系方式',
    contactMasked: '加入后可查看完整联系方式',
    noContact: '暂未公开联系方式',
    noLeader: '暂无负责人',
    join: '加入组织',
    requestJoin: '申请加入',
    leave: '退出组织',
    withdraw: '撤回申请',
    seeActivities: '看看组织的活动',
    stay: '留在组织',
    pendingNotice: '已申请，等待队长审核',
    rejectedNotice: '上次申请未通过，可以重新申请',
    activeNotice: '你是这个组织的{role}',
    inviteOnly: '这个组织仅限邀请加入',
    notActive: '这个组织正在审核中，暂不能加入',
    dissolved: '这个组织已解散',
    dissolvedReason: '这个组织已解散：{reason}',
    excellent: '{year} 年度优秀社区服务队',
    hub: '联系的枢纽组织',
    copyLink: '复制链接',
    share: '分享给邻居',
    confirmJoinTitle: '加入组织',
    confirmJoin: '确定加入“{name}”吗？',
    confirmRequestTitle: '申请加入',
    confirmRequest: '向“{name}”的队长提交加入申请？审核通过后你就是成员了。',
    confirmLeaveTitle: '退出组织',
    confirmLeave: '确定退出“{name}”吗？',
    confirmWithdrawTitle: '撤回申请',
    confirmWithdraw: '确定撤回加入“{name}”的申请吗？',
    joined: '已加入',
    requested: '申请已提交',
    left: '已退出',
    withdrawn: '已撤回申请',
    shareTitle: '{name} · 邀你一起参加社区组织',
    gone: '这个组织已不存在或已被删除',
    missingId: '链接不完整，找不到这个组织',
  },
  me: {
    noCommunity: '尚未选择社区',
    editProfile: '编辑资料',
    myGroups: '我加入的组织',
    myRequests: '我的申请',
    groupsEmpty: '还没有加入组织',
    groupsEmptyHint: '去首页看看身边有哪些组织吧',
    browse: '去看看',
    requestsEmpty: '没有待处理的申请',
    switchCommunity: '切换社区',
    settings: '设置',
    signOut: '退出登录',
    confirmSignOut: '确定退出登录吗？',
    count: '{count} 个',
  },
  community: {
    intro: '选择你居住的社区或村，首页会优先显示这里的组织。',
    county: '区县',
    street: '街道 / 乡镇',
    community: '社区 / 村',
    pick: '请选择',
    current: '当前',
    urban: '城市社区',
    rural: '农村',
    save: '确定，设为我的社区',
    saved: '已设为“{name}”',
    empty: '暂时没有可选的地区',
    back: '返回上一级',
  },
  settings: {
    language: '语言',
    chinese: '简体中文',
    english: 'English',
    display: '显示',
    elderly: '大字模式',
    elderlyHint: '更大的字和按钮，首页更简洁',
    about: '关于',
    aboutText: '邻里帮助居民找到身边的社区社会组织，加入组织、参加活动、记录志愿服务。',
    version: '版本',
  },
  activities: {
    comingTitle: '活动功能即将上线',
    comingDescription: '组织的活动报名、签到和志愿时长记录正在建设中，敬请期待。',
    browseGroups: '先看看身边的组织',
  },
  login: {
    welcome: '欢迎来到邻里',
    intro: '本地体验环境：选择一位体验居民一键登录，或以新居民身份加入。',
    demoTitle: '体验账号',
    newTitle: '我是新居民',
    nicknamePlaceholder: '怎么称呼你（例如：张阿姨）',
    next: '下一步：选择社区',
    chooseCommunity: '选择你所在的社区',
    signingIn: '正在登录…',
    demo: {
      'demo-resident': { name: '王阿姨', role: '居民 · 北苑社区' },
      'demo-leader': { name: '李队长', role: '组织队长 · 北苑社区' },
      'demo-committee': { name: '张主任', role: '北苑社区居委会' },
      'demo-street': { name: '陈科长', role: '城关街道办事处' },
      'demo-county': { name: '刘局长', role: '临溪县民政局' },
    },
  },
  profile: {
    intro: '设置头像和昵称，让邻居认识你。',
    avatar: '头像',
    chooseAvatar: '点击选择头像',
    nickname: '昵称',
    nicknamePlaceholder: '请输入昵称',
    save: '保存',
    nicknameRequired: '请填写昵称',
  },
  privacy: {
    title: '用户隐私保护提示',
    body: '在使用头像、昵称、相册、位置等功能前，请阅读并同意',
    contract: '《邻里小程序隐私保护指引》',
    agree: '同意并继续',
    disagree: '不同意',
  },
  update: {
    title: '新版本已就绪',
    body: '邻里有了新版本，重启后即可使用。',
    restart: '立即重启',
    later: '稍后',
  },
  files: {
    openFailed: '文件打开失败，请稍后重试',
  },
  share: {
    defaultTitle: '邻里 · 身边的社区组织',
  },
  poster: {
    title: '活动海报',
    make: '生成海报',
    makeHint: '带小程序码的海报，打印后贴在公告栏',
    brand: '邻里 · 社区公告栏',
    when: '时间：{time}',
    where: '地点：{place}',
    group: '组织：{name}',
    groupLine: '欢迎街坊邻居加入',
    scan: '微信扫码查看并报名',
    save: '保存到相册',
    saving: '正在保存…',
    saved: '海报已保存到相册，可以打印张贴在公告栏',
    download: '下载海报图片',
    downloaded: '海报图片已下载，可以打印张贴在公告栏',
    fileName: '邻里海报',
    hint: '保存后打印出来，贴在小区公告栏，街坊扫码就能查看并报名。',
    denied: '没有相册权限，海报无法保存。请在设置中允许“保存到相册”后再试。',
    openSettings: '去设置',
    failed: '海报保存失败，请稍后重试',
    drawFailed: '海报生成失败，请稍后重试',
  },
};

export default zhCN;

/** The shape every locale has: the Chinese file's tree, with string leaves. */
export type Messages = typeof zhCN;
