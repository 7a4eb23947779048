import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/**
 * Local endpoints (Ollama, LM Studio, llama.cpp, the test servers) are always allowed; every other origin —
 * a remote API or a chat site — is an optional host permission asked for when the user adds it.
 */
const LOCAL_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  webExt: {
    // Without a display the browser runner crashes `wxt`; build and load the folder by hand instead.
    disabled: headlessLinux,
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      // "Compare answers to this" on selected text.
      'contextMenus',
      // Rules that strip the Origin header from requests to local servers (Ollama rejects extension origins);
      // "WithHostAccess" acts only where Parallax has host access and adds no install warning.
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen', 'declarativeNetRequestWithHostAccess']),
    ],
    host_permissions: LOCAL_HOSTS,
    // Firefox's build is MV2 (a persistent background page hosts the runner), where optional origins are permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: 'Open Parallax' },
    commands: {
      'compare-last-prompt': { suggested_key: { default: 'Alt+Shift+P' }, description: "Compare the chat's last prompt in Parallax" },
    },
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'parallax@parallax.local', strict_min_version: '128.0' } },
          sidebar_action: { default_title: 'Parallax', default_panel: 'sidepanel.html', open_at_install: false },
        }
      : {}),
  }),
});
