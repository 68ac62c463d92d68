// The baseline of the UI benchmark: the smallest React 19 page with one
// interactive element, built and served like the app's renderer.
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Blank() {
  const [count, setCount] = useState(0);
  return createElement(
    'button',
    { type: 'button', 'data-testid': 'ready', onClick: () => setCount(count + 1) },
    `Ready ${count}`,
  );
}

createRoot(document.getElementById('root')!).render(createElement(Blank));
