export { downloadAttachment, type DownloadAttachmentOptions, type DownloadedMedia } from './downloadAttachment.js';
export { MediaDownloadError, type MediaDownloadFailure } from './MediaDownloadError.js';
export { QQ_MEDIA_HOSTS } from './mediaHosts.js';
