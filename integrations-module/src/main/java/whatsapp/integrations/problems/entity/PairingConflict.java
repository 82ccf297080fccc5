package whatsapp.integrations.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** 409: no QR code now (already connected, gone from Evolution, or another pairing request in progress). */
@ApplicationException
public class PairingConflict extends ClientErrorException {

    public PairingConflict(String detail) {
        super(detail, Response.Status.CONFLICT);
    }
}
