use httperror::HttpError;

#[derive(HttpError)]
union U {
    a: u32,
    b: f32,
}

fn main() {}
