/**
 * All screen texts. zh-CN is the reference: every other locale must have exactly the same keys
 * (the `Messages` type enforces it). Keep the wording plain and friendly. Placeholders: {name}.
 */
const zhCN = {
  'app.title': '一站式社会救助',
  'app.skipToContent': '跳到正文',
  'nav.home': '首页',
  'lang.switchTo': 'English',
  'lang.switchLabel': '切换到英文',
  'elderly.label': '长辈模式',
  'elderly.on': '已开启长辈模式：字更大，颜色更清楚',
  'elderly.off': '长辈模式已关闭',
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.loading': '正在确认登录状态…',
  'auth.unavailable': '登录服务暂时连不上，请稍后再试',
  'auth.failed': '登录没有成功，请再试一次',
  'auth.greeting': '您好，{name}',
  'home.title': '一次申请，应享尽享',
  'home.lead': '填一次家庭情况、交一套材料，我们帮您把能享受的救助一起办。',
  'card.calculator.title': '政策计算器',
  'card.calculator.text': '不用登录，填几项家庭情况，马上看看可能享受哪些救助。',
  'card.applications.title': '我的申请',
  'card.applications.text': '提交申请、补交材料，随时查看每个救助项目办到哪一步。',
  'card.family.title': '家属查询进度',
  'card.family.text': '帮家里人查一查申请的办理进度。',
  'card.staff.title': '工作人员入口',
  'card.staff.text': '经办、审批和热线工作人员在这里登录办理。',
  'card.open': '进入',
  'soon.text': '这个功能正在建设中，敬请期待。',
  'soon.back': '返回首页',
  'notFound.title': '没有找到这个页面',
  'notFound.text': '地址可能有误，请返回首页重新选择。',
  'footer.help': '有疑问？请拨打 12345 政务服务热线。',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.title': 'One-stop Social Assistance',
  'app.skipToContent': 'Skip to content',
  'nav.home': 'Home',
  'lang.switchTo': '中文',
  'lang.switchLabel': 'Switch to Chinese',
  'elderly.label': 'Senior mode',
  'elderly.on': 'Senior mode is on: larger text, clearer colours',
  'elderly.off': 'Senior mode is off',
  'auth.login': 'Log in',
  'auth.logout': 'Log out',
  'auth.loading': 'Checking your login…',
  'auth.unavailable': 'Login is not available right now. Please try again later.',
  'auth.failed': 'Login did not work. Please try again.',
  'auth.greeting': 'Hello, {name}',
  'home.title': 'Apply once, get every kind of help you qualify for',
  'home.lead': 'Tell us about your household once and hand in one set of documents. We handle every kind of help you can get.',
  'card.calculator.title': 'Policy calculator',
  'card.calculator.text': 'No login needed. Answer a few questions about your household and see which help you may get.',
  'card.applications.title': 'My applications',
  'card.applications.text': 'Apply, add documents and follow every program of your application.',
  'card.family.title': 'Family status check',
  'card.family.text': "Check how a relative's application is going.",
  'card.staff.title': 'Staff console',
  'card.staff.text': 'Caseworkers, approvers and hotline staff sign in here.',
  'card.open': 'Open',
  'soon.text': 'This part is being built. Please come back soon.',
  'soon.back': 'Back to home',
  'notFound.title': 'Page not found',
  'notFound.text': 'The address may be wrong. Please go back to the home page.',
  'footer.help': 'Questions? Call the 12345 government service hotline.',
};

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

export const messages: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
