// The app `cdktf synth` runs (cdktf.json: "app": "npx tsx main.ts"). The stack is in stack.ts, so tests
// and other apps can import it without synthesizing.
import { App } from 'cdktf';
import { TotpStack } from './stack.js';

const app = new App();
new TotpStack(app, 'totp');
app.synth();
