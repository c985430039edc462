// WeChat's custom tab bar is a custom component (app.config.ts tabBar.custom).
export default { component: true };
