// The holder's connected wallets on their portfolio page: listed from /api/engineers/{id}/wallets,
// each with a button that disconnects it (DELETE, which revokes every token the holder gave it).
// Served as a file, never inline, so a strict Content-Security-Policy holds.
(function () {
  'use strict';

  var section = document.querySelector('section.wallets');
  if (!section) {
    return;
  }
  var source = new URL(section.getAttribute('data-source'), window.location.origin).href;
  var list = section.querySelector('.wallet-list');
  var none = section.querySelector('.none');

  function day(moment) {
    return new Date(moment).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function item(wallet) {
    var li = document.createElement('li');
    li.className = 'wallet-item';
    li.setAttribute('data-client', wallet.clientId);
    var name = document.createElement('strong');
    name.textContent = wallet.name;
    var what = document.createElement('span');
    what.className = 'muted';
    what.textContent = ' (' + wallet.uri + ') · connected ' + day(wallet.connectedAt) + ' · access until '
        + day(wallet.accessUntil) + ' ';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'disconnect';
    button.textContent = 'Disconnect';
    button.addEventListener('click', function () {
      button.disabled = true;
      fetch(source + '/' + encodeURIComponent(wallet.clientId), { method: 'DELETE', credentials: 'same-origin' })
        .then(function (answer) {
          if (!answer.ok && answer.status !== 404) {
            throw new Error('HTTP ' + answer.status);
          }
          return load();
        })
        .catch(function () { button.disabled = false; button.textContent = 'Disconnect (failed, try again)'; });
    });
    li.appendChild(name);
    li.appendChild(what);
    li.appendChild(button);
    return li;
  }

  function load() {
    return fetch(source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (answer) { return answer.json(); })
      .then(function (wallets) {
        list.replaceChildren.apply(list, wallets.map(item));
        none.hidden = wallets.length > 0;
        section.setAttribute('data-state', 'loaded');
      });
  }

  load();
}());
