/** Where the sparse index lives on the simulator; cargo's `index` URL ends here. */
export const INDEX_PATH = '/index/';
