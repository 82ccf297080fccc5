// The API explorer: Swagger UI from the WebJar this module serves, reading the served OpenAPI documents and calling
// the API with the signed-in token (a requestInterceptor adds the Authorization header; the token never goes into a
// URL). No try-it request leaves this origin: the documents name no other server.
import { session } from './api.js';
import { SWAGGER_UI } from './versions.js';

function load(tag, attributes) {
    return new Promise((resolve, reject) => {
        const node = document.createElement(tag);
        Object.assign(node, attributes);
        node.onload = resolve;
        node.onerror = () => reject(new Error('could not load ' + (attributes.src || attributes.href)));
        document.head.append(node);
    });
}

const message = document.getElementById('explorer-message');
const token = session.token();
if (!token) {
    message.textContent = 'Sign in on the console first: the explorer calls the API with your token.';
    message.hidden = false;
}

await load('link', { rel: 'stylesheet', href: SWAGGER_UI + '/swagger-ui.css' });
await load('script', { src: SWAGGER_UI + '/swagger-ui-bundle.js' });

function open(url) {
    window.SwaggerUIBundle({
        url,
        dom_id: '#swagger',
        deepLinking: false,
        validatorUrl: null,
        tryItOutEnabled: false,
        withCredentials: false,
        requestInterceptor: request => {
            const current = session.token();
            const target = new URL(request.url, location.href);
            // the token goes to this origin only
            if (current && target.origin === location.origin) request.headers['Authorization'] = 'Bearer ' + current;
            return request;
        },
    });
}

const spec = document.getElementById('spec');
spec.addEventListener('change', () => open(spec.value));
open(spec.value);
