export * from './types';
export * from './ses-mailer';
export * from './outbox-mailer';
