// Verifies credentials our application issued with software that is not ours, as a wallet or
// verifier would: Digital Bazaar's vc + data-integrity + eddsa-rdfc-2022-cryptosuite +
// vc-bitstring-status-list for the JSON-LD form (the libraries the DCC's verifier-core builds on),
// panva's jose for the VC-JWT form (another JOSE library than the Nimbus that signs).
//
//   node verify.mjs <url of the running app> <its public-url>  < cases.json  > results.json
//
// cases.json: [{"name", "form": "data-integrity" | "vc-jwt" | "baked-svg", "credential"}], where
// credential is the JSON-LD document, the compact VC-JWT, or the SVG text.
// The document loader answers W3C contexts from their npm packages, the Open Badges contexts from
// the unmodified 1EdTech copies in src/main/resources/openbadges, and every URL under the public-url
// (keys, controller documents, status lists) from the running app over HTTP. Nothing else loads.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {decodeProtectedHeader, importJWK, jwtVerify} from 'jose';

const require = createRequire(import.meta.url);
const [appUrl, publicUrl] = process.argv.slice(2);
const openBadges = new URL('../../../main/resources/openbadges/', import.meta.url);

const w3c = ['@digitalbazaar/credentials-context', '@digitalbazaar/multikey-context', 'did-context']
  .map(name => require(name).contexts);
const contexts = new Map([
  ...['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/security/multikey/v1', 'https://www.w3.org/ns/did/v1']
    .map(url => [url, w3c.find(packaged => packaged.has(url)).get(url)]),
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    JSON.parse(readFileSync(new URL('context-3.0.3.json', openBadges)))],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    JSON.parse(readFileSync(new URL('contexts/ob-extensions.json', openBadges)))],
]);

const fetched = [];
async function fetchFromApp(url) {
  const local = appUrl + url.substring(publicUrl.length).split('#')[0];
  const response = await fetch(local, {headers: {accept: 'application/ld+json, application/json'}});
  fetched.push(url);
  if(!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

async function documentLoader(url) {
  if(contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if(url.startsWith(publicUrl + '/')) {
    return {contextUrl: null, documentUrl: url, document: await fetchFromApp(url)};
  }
  throw new Error(`Refusing to load ${url}: not bundled and not the issuer's`);
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});

function errors(result) {
  const found = [];
  const visit = value => {
    if(!value) {
      return;
    }
    if(Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if(value.message) {
      found.push(value.message);
    }
    visit(value.errors);
  };
  visit(result.error);
  (result.results || []).forEach(r => visit(r.error));
  if(result.statusResult) {
    visit(result.statusResult.error);
  }
  return found;
}

// The status as a verifier reads it: the list credential fetched, its proof verified, the bit read.
async function revocationStatus(credential) {
  const status = await checkStatus({credential, documentLoader, suite,
    verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true});
  return {statusVerified: status.verified, revoked: status.verified ? status.results[0].status : null,
    statusErrors: errors(status)};
}

async function verifyDataIntegrity(credential) {
  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  const answer = {verified: result.verified, errors: errors(result)};
  if(result.statusResult && result.statusResult.verified) {
    answer.revoked = result.statusResult.results[0].status;
  }
  answer.endorsements = [];
  for(const endorsement of credential.endorsement || []) {
    const checked = await vc.verifyCredential({credential: endorsement, suite, documentLoader});
    answer.endorsements.push({verified: checked.verified, errors: errors(checked)});
  }
  return answer;
}

async function verifyJwt(compact) {
  const header = decodeProtectedHeader(compact);
  const answer = {header: Object.keys(header).sort()};
  try {
    const jwk = await fetchFromApp(header.kid);
    const key = await importJWK(jwk, header.alg);
    const {payload} = await jwtVerify(compact, key, {algorithms: ['RS256'], typ: 'JWT'});
    answer.claimsMatch = payload.iss === payload.issuer.id && payload.jti === payload.id
      && payload.sub === payload.credentialSubject.id;
    Object.assign(answer, await revocationStatus(payload));
    answer.verified = answer.claimsMatch && answer.statusVerified;
    answer.errors = answer.statusErrors;
  } catch(error) {
    answer.verified = false;
    answer.errors = [error.message];
  }
  return answer;
}

// OB 3.0 baking: the <openbadges:credential> element (namespace https://purl.imsglobal.org/ob/v3p0),
// first inside <svg>, holds the credential in CDATA, or as the VC-JWT in its verify attribute.
function extractBaked(svg) {
  const namespace = /xmlns:openbadges="https:\/\/purl\.imsglobal\.org\/ob\/v3p0"/.test(svg);
  const firstChild = /^\s*(<\?xml[^>]*\?>\s*)?<svg\b[^>]*>\s*<openbadges:credential\b/.test(svg);
  const cdata = svg.match(/<openbadges:credential\b[^>]*>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/openbadges:credential>/);
  return {namespace, firstChild, credential: cdata ? JSON.parse(cdata[1]) : null};
}

const cases = JSON.parse(readFileSync(0, 'utf8'));
const results = {};
for(const {name, form, credential} of cases) {
  try {
    if(form === 'data-integrity') {
      results[name] = await verifyDataIntegrity(credential);
    } else if(form === 'vc-jwt') {
      results[name] = await verifyJwt(credential);
    } else if(form === 'baked-svg') {
      const baked = extractBaked(credential);
      results[name] = {...baked, ...(baked.credential ? await verifyDataIntegrity(baked.credential) : {verified: false})};
      delete results[name].credential;
    } else {
      results[name] = {verified: false, errors: [`unknown form ${form}`]};
    }
  } catch(error) {
    results[name] = {verified: false, errors: [error.message]};
  }
}
process.stdout.write(JSON.stringify({results, fetched}));
