/** How long a copied secret may stay on the clipboard, in seconds. */
export const CLIPBOARD_CLEAR_SECONDS = 30;
