// A React 16 app on react-netlify-identity 0.2.7, as its README shows it.
// The test drives the hook's functions through window.identity and reads
// what the page renders.
import React from 'react';
import ReactDOM from 'react-dom';
import { IdentityContextProvider, useIdentityContext } from 'react-netlify-identity';

function Status() {
  const identity = useIdentityContext();
  window.identity = identity;
  const { user } = identity;
  const text = identity.isLoggedIn ? `logged in as ${user.email} (${user.user_metadata.full_name})` : 'logged out';
  return React.createElement('p', { id: 'status' }, text);
}

ReactDOM.render(
  React.createElement(IdentityContextProvider, { url: location.origin }, React.createElement(Status)),
  document.getElementById('root'),
);
window.lib = true;
