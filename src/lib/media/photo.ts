/**
 * Photos are downscaled on the device before they are stored: a phone photo of 4 MB
 * becomes ~150 KB, so evidence fits in storage and in a backup.
 */
export const PHOTO_MAX_SIDE = 1280;

export function fitWithin(width: number, height: number, maxSide = PHOTO_MAX_SIDE) {
	const scale = Math.min(1, maxSide / Math.max(width, height));
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function downscalePhoto(file: Blob, maxSide = PHOTO_MAX_SIDE, quality = 0.82): Promise<Blob> {
	const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	const { width, height } = fitWithin(bitmap.width, bitmap.height, maxSide);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('no 2d canvas');
	context.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	return new Promise((resolve, reject) =>
		canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encoding failed'))), 'image/jpeg', quality)
	);
}
