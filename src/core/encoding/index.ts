export { base64Utf8, utf8Length } from './utf8';
export { escapeHtml } from './markup';
