// The events pages still import it from here; new code takes it from lib/components.
export { BackLink } from '../../../lib/components/back-link';
