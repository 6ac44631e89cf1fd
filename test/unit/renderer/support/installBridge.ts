// Runs before each renderer test file, before the client module reads window.switchyard.
import { servicesBridge } from './servicesBridge';

window.switchyard = servicesBridge;
