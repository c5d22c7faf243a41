// The conformance scripts' one reporter: each check prints exactly one line, "PASS name" or
// "FAIL name: why", which the JUnit side (ClientScript) reads. A check that throws, or takes longer
// than its time limit, fails; the script itself always runs to its end and exits 0, so that a failure
// is a line to read rather than a stack trace to decode.

// A client's background promise that rejects (a socket it retries, a request after its check timed out) must
// not end the script before the remaining checks print: it is reported as a note, not as a check.
process.on('unhandledRejection', (error) => {
  console.log(`NOTE unhandled rejection: ${oneLine(error)}`);
});

const DEFAULT_TIMEOUT_MS = Number(process.env.CONFORMANCE_CHECK_TIMEOUT_MS || 15000);

/** Runs fn (async), printing PASS or FAIL for name; returns fn's value, or undefined when it failed. */
export async function check(name, fn, timeoutMs = DEFAULT_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const value = await Promise.race([Promise.resolve().then(fn), timeout]);
    console.log(`PASS ${name}`);
    return value;
  } catch (error) {
    console.log(`FAIL ${name}: ${oneLine(error)}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** A failed expectation: the message says what was expected and what came. */
export function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** A required setting from the environment the JUnit side gives the script. */
export function setting(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    console.log(`FAIL setup: environment variable ${name} is not set`);
    process.exit(0);
  }
  return value;
}

/** Ends the script once every check has printed, whatever sockets a client left open. */
export function done() {
  console.log('END');
  process.exit(0);
}

function oneLine(error) {
  let text = error && error.message ? `${error.constructor.name}: ${error.message}` : String(error);
  // An HTTP client's error keeps the venue's answer aside; the answer says why, so it goes on the line.
  const answer = error && error.response && error.response.data;
  if (answer !== undefined) {
    text += ` answer: ${typeof answer === 'string' ? answer : JSON.stringify(answer)}`;
  }
  return text.replace(/\s+/g, ' ').slice(0, 500);
}
