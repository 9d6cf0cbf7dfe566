/** One copy in @cws/platform; re-exported while budget modules still import it from here. */
export { IdParam } from '@cws/platform';
