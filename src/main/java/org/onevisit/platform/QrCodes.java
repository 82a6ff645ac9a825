package org.onevisit.platform;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as SVG paths: sharp in print at any size, and inline in the page, so that no
 * image endpoint is needed.
 */
public final class QrCodes {

	private QrCodes() {
	}

	public static String qrSvg(String content) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode a QR code for " + content, ex);
		}
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
				+ "\" shape-rendering=\"crispEdges\" role=\"img\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

}
