import { createApp } from 'vue';
import App from './App.vue';
import { initAuth } from './auth';
import { initElderlyMode } from './elderly';
import { initLocale } from './i18n';
import { createAppRouter } from './router';
import './style.css';

initLocale();
initElderlyMode();

const router = createAppRouter();
createApp(App).use(router).mount('#app');

router
  .isReady()
  .then(() => initAuth(router))
  .catch((error: unknown) => console.error('start-up failed', error));
