import type { PropsWithChildren } from 'react';
import { configure as configureIcons } from '@nutui/icons-react-taro/dist/es/icons/configure.js';
import { initCloud } from './services/cloud';
import { watchForUpdates } from './services/updates';
import { listenForPrivacyRequests } from './stores/privacy';
// Loading the settings store hands the chosen language to the services (they import no store).
import './stores/settings';
import './app.scss';

// NutUI icons render an <i> by default; mini-program templates have no `i`
// (Taro: "Template `tmpl_0_i` not found"), so icons would be blank in weapp.
if (process.env.TARO_ENV !== 'h5') {
  configureIcons({ tag: 'view' });
}

// Before any page calls a function (weapp only; H5 talks HTTP).
initCloud();
// weapp: offer a restart when a newer package is downloaded, and answer WeChat's privacy
// requests from whichever page asks (the notice is in every page's PageRoot).
watchForUpdates();
listenForPrivacyRequests();

/** The app shell; pages render inside. State lives in module stores, so no providers. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
