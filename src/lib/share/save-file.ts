/**
 * Hands a file to the person: the device's share sheet (Web Share API with files) where it
 * can take the file, a download elsewhere. Returns how it went so the screen can say so.
 */
export type SaveOutcome = 'shared' | 'downloaded' | 'cancelled';

export async function saveFile(blob: Blob, name: string, title: string, preferShare = true): Promise<SaveOutcome> {
	const file = new File([blob], name, { type: blob.type });
	if (preferShare && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
		try {
			await navigator.share({ files: [file], title });
			return 'shared';
		} catch (error) {
			if ((error as { name?: string }).name === 'AbortError') return 'cancelled';
			// Share sheet refused the file type: fall back to a download.
		}
	}
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
	return 'downloaded';
}
