// The WXT-generated types browser code needs, without `.wxt/wxt.d.ts`'s build-tool types (they pull in Node's).
/* eslint-disable @typescript-eslint/triple-slash-reference -- a global declaration file: an import would make it a module and its globals local */
/// <reference path="../.wxt/types/paths.d.ts" />
/// <reference path="../.wxt/types/i18n.d.ts" />
/// <reference path="../.wxt/types/globals.d.ts" />
/// <reference types="vite/client" />
